using GraphQL.Types;
using Platform.Api.Common;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>PlanError</c> union.</summary>
public sealed class PlanErrorType : UnionGraphType
{
    public PlanErrorType()
    {
        Name = "PlanError";
        Description = "An expected failure of a plan or spend mutation; nothing was changed.";
        Type<NotFoundErrorType>();
        Type<ValidationErrorType>();
    }
}
