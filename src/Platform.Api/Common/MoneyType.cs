using GraphQL.Types;
using Platform.Domain;

namespace Platform.Api.Common;

/// <summary>The <c>Money</c> object type.</summary>
public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Description = "An exact amount of money: integer minor units (cents) and an ISO-4217 currency code.";
        Field("amount", x => x.AmountMinor).Description("The amount in minor units of the currency (cents for EUR): 1500.00 € is 150000.");
        Field(x => x.Currency).Description("The ISO-4217 currency code, e.g. EUR.");
    }
}
