using GraphQL.Types;
using Platform.Domain.Clients;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Clients;

/// <summary>What a contact mutation returns: the contact as it is now, or why nothing changed.</summary>
public sealed record ContactPayload(Contact? Contact, IReadOnlyList<IPayloadError> Errors)
{
    public static ContactPayload Ok(Contact contact) => new(contact, []);

    public static ContactPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>ContactPayload</c> type.</summary>
public sealed class ContactPayloadType : ObjectGraphType<ContactPayload>
{
    public ContactPayloadType()
    {
        Name = "ContactPayload";
        Description = "The result of a contact mutation: the contact after the change, or the errors that prevented it (then nothing was changed).";
        Field<ContactType>("contact").Description("The contact after the change; null when there are errors.").Resolve(c => c.Source.Contact);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientErrorType>>>>("errors")
            .Description("Why the change was refused; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}
