using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Staff;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>SetSalesPlanInput</c> type.</summary>
public sealed class SetSalesPlanInputType : InputObjectGraphType<SetSalesPlanInput>
{
    public SetSalesPlanInputType()
    {
        Name = "SetSalesPlanInput";
        Description = "A quarterly sales plan of a manager or of the team.";
        Field(x => x.OwnerId, type: typeof(IdGraphType)).Description("The manager (a StaffUser ID) the plan is for; omitted or null, the team plan.");
        Field(x => x.Year).Description("The calendar year, 2000–9999.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field<NonNullGraphType<MoneyInputType>>("target").Description("The paid-revenue target of the quarter: zero or more, with its currency.");
    }
}
