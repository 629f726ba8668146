using GraphQL.Types;

namespace Platform.Api.Leads;

/// <summary>The <c>LeadFilter</c> input type.</summary>
public sealed class LeadFilterInputType : InputObjectGraphType<LeadFilter>
{
    public LeadFilterInputType()
    {
        Name = "LeadFilter";
        Description = "Conditions on leads. All given conditions must hold; a list matches any of its values.";
        Field(x => x.Status, nullable: true).Description("Leads in any of these statuses.");
        Field(x => x.Temperature, nullable: true).Description("Leads of any of these temperatures.");
        Field(x => x.Origin, nullable: true).Description("Leads of any of these origins.");
        Field(x => x.RequestType, nullable: true).Description("Leads of any of these request types.");
        Field(x => x.Channel, nullable: true).Description("Leads that came through any of these channel codes, e.g. LANDING_PAGE.");
        Field(x => x.LandingPage, nullable: true).Description("Leads submitted by this landing page code.");
        Field<IdGraphType>("ownerId").Description("Leads owned by this staff user (global ID).");
        Field(x => x.CreatedAfter, nullable: true).Description("Leads created at or after this time (UTC).");
        Field(x => x.CreatedBefore, nullable: true).Description("Leads created before this time (UTC).");
        Field(x => x.PostponedFrom, nullable: true).Description("Postponed leads to re-contact at or after this time (UTC).");
        Field(x => x.PostponedTo, nullable: true).Description("Postponed leads to re-contact before this time (UTC).");
        Field<IdGraphType>("partnerId").Description("Leads referred or submitted by this partner (global ID).");
        Field(x => x.Search, nullable: true).Description("An exact phone number (any notation with its country code) or e-mail address.");
        Field(x => x.MarketingConsent, nullable: true).Description("True: leads whose person agreed to marketing communication, the only ones for a marketing list or tool; false: the others, kept for sales follow-up only.");
        Field(x => x.Overdue, nullable: true).Description("True: open leads past their first-response deadline without a first contact; false: all others.");
    }
}
