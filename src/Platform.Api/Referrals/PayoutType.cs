using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Projection;

namespace Platform.Api.Referrals;

/// <summary>The <c>Payout</c> object type.</summary>
public sealed class PayoutType : EntityType<Payout>
{
    public PayoutType() : base("A payment of approved rewards to a partner.")
    {
        Field<NonNullGraphType<MoneyType>>("amount").Description("Total paid.").Reads(x => new { x.AmountMinor, x.Currency }).Resolve(c => c.Source.Amount);
        Field(x => x.PaidAt);
        Field(x => x.Reference);
        Field<PartnerGraphType>("partner").Description("The partner paid.").Reads(x => x.PartnerId).Resolve(c => c.LoadById<Partner>(c.Source.PartnerId));
    }
}
