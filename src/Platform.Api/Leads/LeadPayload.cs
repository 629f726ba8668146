using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads;

/// <summary>What a lead mutation returns: the lead as it is now, or why nothing changed.</summary>
public sealed record LeadPayload(Lead? Lead, IReadOnlyList<IPayloadError> Errors)
{
    public static LeadPayload Ok(Lead lead) => new(lead, []);

    public static LeadPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>LeadPayload</c> type.</summary>
public sealed class LeadPayloadType : ObjectGraphType<LeadPayload>
{
    public LeadPayloadType()
    {
        Name = "LeadPayload";
        Description = "The result of a lead mutation: the lead after the change, or the errors that prevented it (then nothing was changed).";
        Field<LeadType>("lead").Description("The lead after the change; null when there are errors.").Resolve(context => context.Source.Lead);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadErrorType>>>>("errors")
            .Description("Why the change was refused; empty on success.")
            .Resolve(context => context.Source.Errors);
    }
}

/// <summary>The <c>LeadError</c> union.</summary>
public sealed class LeadErrorType : UnionGraphType
{
    public LeadErrorType()
    {
        Name = "LeadError";
        Description = "An expected failure of a lead mutation.";
        Type<NotFoundErrorType>();
        Type<ConflictErrorType>();
        Type<ValidationErrorType>();
        Type<InvalidTransitionErrorType>();
        Type<InvalidLandingKeyErrorType>();
        Type<SpamRejectedErrorType>();
        Type<AlreadyRegisteredErrorType>();
        Type<FormTokens.FormTokenExpiredErrorType>();
        Type<Privacy.PersonSuppressedErrorType>();
    }
}
