namespace Platform.GraphQL.Server.Mutations;

/// <summary>
/// An expected failure of a mutation (validation, not found, wrong state), returned in the
/// payload's <c>errors</c> list rather than as a top-level GraphQL error.
/// </summary>
public interface IPayloadError
{
    /// <summary>A sentence for people: what is wrong and how to fix it.</summary>
    string Message { get; }

    /// <summary>A stable code for programs, e.g. INVALID_TRANSITION.</summary>
    string Code { get; }
}
