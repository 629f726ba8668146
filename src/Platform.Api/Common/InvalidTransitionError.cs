using GraphQL.Types;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Common;

/// <summary>A state change that the rules do not allow, e.g. a loyalty category jump or a deal stage move.</summary>
public sealed record InvalidTransitionError(string From, string To, IReadOnlyList<string> Allowed, string Message) : IPayloadError
{
    public string Code => "INVALID_TRANSITION";
}

/// <summary>The <c>InvalidTransitionError</c> type.</summary>
public sealed class InvalidTransitionErrorType : ErrorGraphType<InvalidTransitionError>
{
    public InvalidTransitionErrorType() : base("The change from the current state to the requested one is not allowed. Code INVALID_TRANSITION.")
    {
        Field(x => x.From).Description("The current state, e.g. `FORMER`.");
        Field(x => x.To).Description("The requested state, e.g. `FAN`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("allowed")
            .Description("The states allowed from the current one.")
            .Resolve(context => context.Source.Allowed);
    }
}
