using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Deals;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Deals;

/// <summary>What a deal mutation returns: the deal as it is now, or why nothing changed.</summary>
public sealed record DealPayload(Deal? Deal, IReadOnlyList<IPayloadError> Errors)
{
    public static DealPayload Ok(Deal deal) => new(deal, []);

    public static DealPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>DealPayload</c> type.</summary>
public sealed class DealPayloadType : ObjectGraphType<DealPayload>
{
    public DealPayloadType()
    {
        Name = "DealPayload";
        Description = "The result of a deal mutation: the deal after the change, or the errors that prevented it (then nothing was changed).";
        Field<DealType>("deal").Description("The deal after the change; null when there are errors.").Resolve(c => c.Source.Deal);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealErrorType>>>>("errors")
            .Description("Why the change was refused; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>DealError</c> union.</summary>
public sealed class DealErrorType : UnionGraphType
{
    public DealErrorType()
    {
        Name = "DealError";
        Description = "An expected failure of a deal mutation; nothing was changed.";
        Type<NotFoundErrorType>();
        Type<ConflictErrorType>();
        Type<ValidationErrorType>();
        Type<TransitionNotAllowedErrorType>();
    }
}
