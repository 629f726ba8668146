using GraphQL.Types;
using Platform.Api.Common;
using Platform.Api.Deals;
using Platform.Api.Leads;
using Platform.Api.Staff;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Clients;

/// <summary>The <c>Client</c> object type.</summary>
public sealed class ClientType : EntityType<Client>
{
    private static readonly KeysetOrder<Contact> ContactsByName =
        KeysetOrder<Contact>.By("FIRST_NAME", x => x.FirstName).ThenBy(x => x.Id);

    private static readonly KeysetOrder<Deal> DealsNewestFirst =
        KeysetOrder<Deal>.By("CREATED_AT_DESC", x => x.CreatedAt, descending: true).ThenBy(x => x.Id, descending: true);

    public ClientType() : base("A company or person we have a contract, invoice or purchase with (C1–C3), worked by a farmer.")
    {
        Field(x => x.Name);
        Field(x => x.Kind);
        Field(x => x.TaxId, nullable: true);
        Field(x => x.Okpo, nullable: true);
        Field(x => x.RegistrationNumber, nullable: true);
        Field(x => x.Industry, nullable: true);
        Field(x => x.Region, nullable: true);
        Field(x => x.IsBudgetary);
        Field(x => x.EmployeeCount, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field(x => x.Website, nullable: true);
        Field(x => x.Notes, nullable: true);
        Field(x => x.LoyaltyCategory);
        Field(x => x.LoyaltyCategoryChangedAt, nullable: true);
        Field(x => x.Segment, nullable: true);

        Field<StaffUserType>("owner")
            .Description("The responsible staff user, usually a farmer; may differ from the lead's owner (C4).")
            .Resolve(context => context.LoadById<StaffUser>(context.Source.OwnerId));
        Field<LeadType>("originLead")
            .Description("The lead this client was converted from; a permanent link (C3).")
            .Resolve(context => context.LoadById<Lead>(context.Source.OriginLeadId));
        Field<NonNullGraphType<ConnectionGraphType<ContactType, Contact>>>("contacts")
            .Description("People at the client, by first name.")
            .PagingArguments()
            .Resolve(context => context.LoadChildren(client => client.Contacts, contact => contact.ClientId, ContactsByName));
        Field<NonNullGraphType<ConnectionGraphType<DealType, Deal>>>("deals")
            .Description("Deals with the client, newest first.")
            .PagingArguments()
            .Resolve(context => context.LoadChildren(client => client.Deals, deal => deal.ClientId, DealsNewestFirst));
    }
}
