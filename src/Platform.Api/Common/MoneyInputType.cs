using GraphQL.Types;
using Platform.Domain;

namespace Platform.Api.Common;

/// <summary>Input of an amount of money.</summary>
public sealed class MoneyInput
{
    public long Amount { get; set; }
    public string Currency { get; set; } = "";

    public Money ToMoney() => new(Amount, Currency);
}

/// <summary>The <c>MoneyInput</c> type.</summary>
public sealed class MoneyInputType : InputObjectGraphType<MoneyInput>
{
    public MoneyInputType()
    {
        Name = "MoneyInput";
        Description = "An exact amount of money: integer minor units (cents) and an ISO-4217 currency code.";
        Field(x => x.Amount).Description("The amount in minor units of the currency (cents for EUR): 1500.00 € is 150000.");
        Field(x => x.Currency).Description("The ISO-4217 currency code, e.g. EUR.");
    }
}
