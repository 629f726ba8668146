using GraphQL;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Common;

/// <summary>Decodes global IDs given as arguments, with a clear error for a wrong or foreign ID.</summary>
public static class GlobalIds
{
    /// <summary>The local id of <paramref name="globalId"/>, which must name a <typeparamref name="TEntity"/>.</summary>
    public static long Decode<TEntity>(string globalId, string argument) =>
        GlobalId.TryDecode(globalId, typeof(TEntity).Name)
        ?? throw new ExecutionError($"`{argument}` must be the ID of a {typeof(TEntity).Name}; \"{globalId}\" is not.") { Code = "INVALID_ID" };

    public static long? DecodeOptional<TEntity>(string? globalId, string argument) =>
        globalId is null ? null : Decode<TEntity>(globalId, argument);
}
