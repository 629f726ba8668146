using GraphQL.Types;
using Platform.Api.Common;
using Platform.Api.Deals;
using Platform.Api.Leads;
using Platform.Api.Loyalty;
using Platform.Api.Orders;
using Platform.Api.Staff;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.DataLoader;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Clients;

/// <summary>The <c>Client</c> object type.</summary>
public sealed class ClientType : EntityType<Client>
{
    private static readonly ChildConnection<Client, Contact> ContactsByName =
        new(contact => contact.ClientId, KeysetOrder<Contact>.By("FIRST_NAME", x => x.FirstName).ThenBy(x => x.Id));

    private static readonly ChildConnection<Client, Deal> DealsNewestFirst = new(deal => deal.ClientId, DealOrder.CreatedAtDesc.Keyset());

    private static readonly ChildConnection<Client, Order> OrdersNewestFirst =
        new(order => order.ClientId, KeysetOrder<Order>.By("PLACED_AT_DESC", x => x.PlacedAt, descending: true).ThenBy(x => x.Id, descending: true));

    public ClientType() : base("A company or person we have a contract, invoice or purchase with, worked by a farmer.")
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
            .Description("The responsible staff user, usually a farmer; may differ from the lead's owner.")
            .Reads(x => x.OwnerId)
            .Resolve(context => context.LoadById<StaffUser>(context.Source.OwnerId));
        Field<LeadType>("originLead")
            .Description("The lead this client was converted from; a permanent link.")
            .Reads(x => x.OriginLeadId)
            .Resolve(context => context.LoadById<Lead>(context.Source.OriginLeadId));
        Field<NonNullGraphType<ConnectionGraphType<ContactType, Contact>>>("contacts")
            .Description("People at the client, by first name.")
            .PagingArguments()
            .Reads(x => x.Id)
            .Resolve(ContactsByName.Load);
        Field<NonNullGraphType<ConnectionGraphType<DealType, Deal>>>("deals")
            .Description("Deals with the client, newest first.")
            .PagingArguments()
            .Reads(x => x.Id)
            .Resolve(DealsNewestFirst.Load);
        Field<NonNullGraphType<ConnectionGraphType<OrderType, Order>>>("orders")
            .Description("Orders (receipts) of the client, newest first.")
            .PagingArguments()
            .Reads(x => x.Id)
            .Resolve(OrdersNewestFirst.Load);

        // Computed from the client's fully paid orders, batched for the whole response (PurchaseStatsLoader).
        Field<NonNullGraphType<IntGraphType>>("paidOrderCount")
            .Description("Number of fully paid orders.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.PaidOrderCount));
        Field<DateTimeGraphType>("firstPaidOrderAt")
            .Description("When the first order was fully paid; tenure counts from it.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.History.FirstPaidOrderAt));
        Field<NonNullGraphType<IntGraphType>>("tenureYears")
            .Description("Full years since the first fully paid order; a 29 February start has its anniversary on 1 March in other years.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.TenureYears));
        Field<NonNullGraphType<DecimalGraphType>>("tenureDiscountPercent")
            .Description("The tenure discount the client has now, in percent (D3: 2.5 / 5 / 10).")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.TenureBasisPoints / 100m));
        Field<NonNullGraphType<NthOrderOutlookType>>("nextOrderDiscount")
            .Description("What the every-5th/10th-order rule gives the client's next qualifying orders.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.NextOrder));
        Field<MoneyType>("averageCheck")
            .Description("Average net amount of the fully paid orders; null without one.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.AverageCheck));
        Field<NonNullGraphType<MoneyType>>("trailingRevenue")
            .Description("Net amount of the client's orders paid in the last 12 months.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.TrailingRevenue));
        Field<NonNullGraphType<DecimalGraphType>>("turnoverSharePercent")
            .Description("The client's share of the whole trailing-12-month turnover, in percent.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.TurnoverSharePercent));
        Field<NonNullGraphType<BooleanGraphType>>("isStrategic")
            .Description("Whether the client brings more than 10 % (by default, Clients:StrategicShareBasisPoints) of the trailing-12-month turnover.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.IsStrategic));
        Field<DecimalGraphType>("medianPurchaseIntervalDays")
            .Description("Median number of days between consecutive paid orders; null with fewer than two.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.MedianIntervalDays));
        Field<IntGraphType>("daysSinceLastOrder")
            .Description("Full days since the last fully paid order was placed; null without one.")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.DaysSinceLastOrder));
        Field<NonNullGraphType<BooleanGraphType>>("isSleeping")
            .Description("Whether the client has at least 2 paid orders and the time since the last one exceeds 2.5 × its median interval (defaults of the Clients section).")
            .Reads(x => x.Id)
            .Resolve(context => context.LoadPurchaseStats().Then(s => s.IsSleeping));
    }
}
