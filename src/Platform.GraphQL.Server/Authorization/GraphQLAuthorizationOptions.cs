namespace Platform.GraphQL.Server.Authorization;

/// <summary>Defaults of the <see cref="AuthorizationValidationRule"/>: the policies a root field needs unless it says otherwise.</summary>
public sealed class GraphQLAuthorizationOptions
{
    /// <summary>Policy every unmarked <c>Query</c> field needs; null: any authenticated caller.</summary>
    public string? DefaultQueryPolicy { get; set; }

    /// <summary>Policy every unmarked <c>Mutation</c> field needs; null: any authenticated caller.</summary>
    public string? DefaultMutationPolicy { get; set; }

    /// <summary>Policy every unmarked <c>Subscription</c> field needs; null: any authenticated caller.</summary>
    public string? DefaultSubscriptionPolicy { get; set; }

    /// <summary>Policy <c>__schema</c> and <c>__type</c> need; null: any authenticated caller (never an anonymous one).</summary>
    public string? IntrospectionPolicy { get; set; }
}
