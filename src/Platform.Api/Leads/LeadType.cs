using GraphQL.Types;
using Platform.Api.Clients;
using Platform.Api.Common;
using Platform.Api.Staff;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Leads;

/// <summary>The <c>Lead</c> object type.</summary>
public sealed class LeadType : EntityType<Lead>
{
    /// <summary>Activities newest first; the id breaks ties.</summary>
    internal static readonly ChildConnection<Lead, Activity> ActivitiesNewestFirst =
        new(activity => activity.LeadId!.Value, KeysetOrder<Activity>.By("OCCURRED_AT_DESC", x => x.OccurredAt, descending: true).ThenBy(x => x.Id, descending: true));

    public LeadType() : base("A real person who showed interest and whom the sales team works towards a first sale. Never deleted: refusal and postponement are statuses.")
    {
        Field(x => x.FirstName);
        Field(x => x.LastName, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.Company, nullable: true);
        Field(x => x.Position, nullable: true);
        Field(x => x.Region, nullable: true);
        Field(x => x.Message, nullable: true);
        Field(x => x.RequestType);
        Field(x => x.Channel);
        Field(x => x.LandingPage, nullable: true);
        Field(x => x.PageUrl, nullable: true);
        Field(x => x.Referrer, nullable: true);
        Field(x => x.UtmSource, nullable: true);
        Field(x => x.UtmMedium, nullable: true);
        Field(x => x.UtmCampaign, nullable: true);
        Field(x => x.UtmTerm, nullable: true);
        Field(x => x.UtmContent, nullable: true);
        Field(x => x.Temperature);
        Field(x => x.Origin);
        Field(x => x.Status);
        Field(x => x.AssignedAt, nullable: true);
        Field(x => x.FirstResponseDueAt, nullable: true);
        Field(x => x.FirstRespondedAt, nullable: true);
        Field(x => x.NextContactAt, nullable: true);
        Field(x => x.NextContactTopic, nullable: true);
        Field(x => x.TouchCount);
        Field(x => x.MarketingConsent);
        Field(x => x.ConsentAt, nullable: true);
        Field(x => x.NeedConfirmed, nullable: true);
        Field(x => x.CanPay, nullable: true);
        Field(x => x.HasDecisionAuthority, nullable: true);
        Field(x => x.QualifiedAt, nullable: true);
        Field(x => x.RefusedBy, nullable: true);
        Field(x => x.RefusalReason, nullable: true);
        Field(x => x.RefusedAt, nullable: true);
        Field(x => x.PostponedUntil, nullable: true);
        Field(x => x.ConvertedAt, nullable: true);
        Field(x => x.Completeness).Reads(x => new { x.FirstName, x.LastName, x.Phone, x.Email, x.Company, x.Position, x.Region, x.Message });
        Field<IntGraphType>("firstResponseTime")
            .Description("Seconds from submission to the first contact (speed of first contact is a manager KPI); null until contacted.")
            .Reads(x => new { x.FirstRespondedAt, x.CreatedAt })
            .Resolve(context => context.Source.FirstResponseTime is { } t ? (int)t.TotalSeconds : null);
        Field<NonNullGraphType<BooleanGraphType>>("isOverdue")
            .Description("Whether the lead is open, past its first-response deadline and not contacted yet.")
            .Reads(x => new { x.Status, x.FirstRespondedAt, x.FirstResponseDueAt })
            .Resolve(context => context.Source.IsOverdueAt(context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));

        Field<StaffUserType>("owner")
            .Description("The responsible staff user; may differ from the client's owner after conversion.")
            .Reads(x => x.OwnerId)
            .ReadsReference(x => x.Owner)
            .Resolve(context => context.Source.Owner ?? (object?)context.LoadById<StaffUser>(context.Source.OwnerId));
        Field<ClientType>("client")
            .Description("The client this lead was converted into; null until converted.")
            .Reads(x => x.ConvertedClientId)
            .Resolve(context => context.LoadById<Client>(context.Source.ConvertedClientId));
        Field<NonNullGraphType<ConnectionGraphType<ActivityType, Activity>>>("activities")
            .Description("Calls, e-mails, meetings, tasks and submissions recorded for this lead, newest first.")
            .PagingArguments()
            .Reads(x => x.Id)
            .Resolve(ActivitiesNewestFirst.Load);
    }
}
