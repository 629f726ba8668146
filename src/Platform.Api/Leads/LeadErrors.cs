using GraphQL.Types;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads;

/// <summary>The lead is not in a status the change may start from.</summary>
public sealed record InvalidTransitionError(LeadStatus From, LeadStatus To, string Message) : IPayloadError
{
    public string Code => "INVALID_TRANSITION";

    public static InvalidTransitionError Of(LeadStatus from, LeadStatus to) =>
        new(from, to, $"A lead cannot move from {from} to {to}.");
}

/// <summary>The landing key sent in X-Landing-Key is unknown or revoked.</summary>
public sealed record InvalidLandingKeyError(string Message) : IPayloadError
{
    public const string ErrorCode = "INVALID_LANDING_KEY";

    public string Code => ErrorCode;
}

/// <summary>The submission looked like spam and was not stored (it is counted).</summary>
public sealed record SpamRejectedError(SpamReason Reason, string Message) : IPayloadError
{
    public string Code => "SPAM_REJECTED";
}

/// <summary>The <c>InvalidTransitionError</c> type.</summary>
public sealed class InvalidTransitionErrorType : ErrorGraphType<InvalidTransitionError>
{
    public InvalidTransitionErrorType() : base("The lead's status does not allow this change (see LeadStatus for the lifecycle). Code INVALID_TRANSITION.")
    {
        Field(x => x.From).Description("The lead's status now.");
        Field(x => x.To).Description("The status the change would have moved it to.");
    }
}

/// <summary>The <c>InvalidLandingKeyError</c> type.</summary>
public sealed class InvalidLandingKeyErrorType : ErrorGraphType<InvalidLandingKeyError>
{
    public InvalidLandingKeyErrorType() : base("The X-Landing-Key header names no active landing key (unknown or revoked). Code INVALID_LANDING_KEY.")
    {
    }
}

/// <summary>The <c>SpamRejectedError</c> type.</summary>
public sealed class SpamRejectedErrorType : ErrorGraphType<SpamRejectedError>
{
    public SpamRejectedErrorType() : base("The submission was rejected as spam and not stored; it is counted. Code SPAM_REJECTED.")
    {
        Field(x => x.Reason).Description("Why it was taken for spam.");
    }
}

/// <summary>The person already has an open lead the caller may not see: the submission was recorded on it, not as the caller's lead.</summary>
public sealed record AlreadyRegisteredError(string Message) : IPayloadError
{
    public string Code => "ALREADY_REGISTERED";
}

/// <summary>The <c>AlreadyRegisteredError</c> type.</summary>
public sealed class AlreadyRegisteredErrorType : ErrorGraphType<AlreadyRegisteredError>
{
    public AlreadyRegisteredErrorType() : base("The person is already registered with an open lead, so the submission was not taken as a new lead of yours (and not attributed to you); the sales team sees it on the existing lead. Code ALREADY_REGISTERED.")
    {
    }
}
