using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Kpis.Plans;

/// <summary>What a plan or spend mutation returns: the record as it is now, or why nothing changed.</summary>
public sealed record PlanPayload<T>(T? Result, IReadOnlyList<IPayloadError> Errors) where T : class
{
    public static PlanPayload<T> Ok(T result) => new(result, []);

    public static PlanPayload<T> Failed(IPayloadError error) => new(null, [error]);
}
