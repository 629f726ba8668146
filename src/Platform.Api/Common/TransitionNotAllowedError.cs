using GraphQL.Types;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Common;

/// <summary>A state change that the rules do not allow: a loyalty category jump or a deal stage move (leads have their own InvalidTransitionError).</summary>
public sealed record TransitionNotAllowedError(string From, string To, IReadOnlyList<string> Allowed, string Message) : IPayloadError
{
    public string Code => "INVALID_TRANSITION";
}

/// <summary>The <c>TransitionNotAllowedError</c> type.</summary>
public sealed class TransitionNotAllowedErrorType : ErrorGraphType<TransitionNotAllowedError>
{
    public TransitionNotAllowedErrorType() : base("The change from the current state to the requested one is not allowed. Code INVALID_TRANSITION.")
    {
        Field(x => x.From).Description("The current state, e.g. `FORMER`.");
        Field(x => x.To).Description("The requested state, e.g. `FAN`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("allowed")
            .Description("The states allowed from the current one.")
            .Resolve(context => context.Source.Allowed);
    }
}
