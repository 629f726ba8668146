using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Kpis;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>SalesPlan</c> type.</summary>
public sealed class SalesPlanType : ObjectGraphType<SalesPlan>
{
    public SalesPlanType()
    {
        Name = "SalesPlan";
        Description = "A quarterly sales target of one manager or of the team.";
        Field<IdGraphType>("ownerId").Description("The manager (a StaffUser global ID); null for the team plan.")
            .Resolve(c => c.Source.OwnerId is { } id ? GlobalId.Encode("StaffUser", id) : null);
        Field(x => x.Year).Description("The calendar year.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field<NonNullGraphType<MoneyType>>("target").Description("The paid-revenue target.").Resolve(c => c.Source.TargetAmount);
        Field(x => x.Version).Description("The record's version, 1 when created and incremented by every change.");
    }
}
