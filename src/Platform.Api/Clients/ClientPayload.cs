using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Clients;

/// <summary>What a client mutation returns: the client as it is now, or why nothing changed.</summary>
public sealed record ClientPayload(Client? Client, IReadOnlyList<IPayloadError> Errors)
{
    public static ClientPayload Ok(Client client) => new(client, []);

    public static ClientPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>ClientPayload</c> type.</summary>
public sealed class ClientPayloadType : ObjectGraphType<ClientPayload>
{
    public ClientPayloadType()
    {
        Name = "ClientPayload";
        Description = "The result of a client mutation: the client after the change, or the errors that prevented it (then nothing was changed).";
        Field<ClientType>("client").Description("The client after the change; null when there are errors.").Resolve(c => c.Source.Client);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientErrorType>>>>("errors")
            .Description("Why the change was refused; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>ClientError</c> union.</summary>
public sealed class ClientErrorType : UnionGraphType
{
    public ClientErrorType()
    {
        Name = "ClientError";
        Description = "An expected failure of a client or contact mutation; nothing was changed.";
        Type<NotFoundErrorType>();
        Type<ConflictErrorType>();
        Type<ValidationErrorType>();
        Type<TransitionNotAllowedErrorType>();
    }
}
