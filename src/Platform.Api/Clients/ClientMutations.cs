using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Clients;

/// <summary>The client and contact fields of the root mutation.</summary>
public static class ClientMutations
{
    public static void AddClientMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<ClientPayloadType, CreateClientInputType>("createClient",
                "Creates a client card with its legal data, owner (farmer), segment and loyalty category.", "The client card.")
            .Resolve((ClientService clients, CreateClientInput input, CancellationToken ct) =>
                clients.CreateAsync(input, OwnerId(input.OwnerId), ct));
        mutation.InputMutation<ClientPayloadType, UpdateClientInputType>("updateClient",
                "Changes a client card: legal data, owner (farmer) assignment, segment, and the loyalty category along the allowed transitions listed on LoyaltyCategory (else INVALID_TRANSITION).",
                "The client and the fields to change.")
            .Resolve((ClientService clients, UpdateClientInput input, CancellationToken ct) =>
                clients.UpdateAsync(input, ClientId(input.ClientId), OwnerId(input.OwnerId), ct));
        mutation.InputMutation<ContactPayloadType, AddContactInputType>("addContact", "Adds a person at a client.", "The client and the person.")
            .Resolve((ClientService clients, AddContactInput input, CancellationToken ct) =>
                clients.AddContactAsync(input, ClientId(input.ClientId), ct));
        mutation.InputMutation<ContactPayloadType, UpdateContactInputType>("updateContact", "Changes a contact.", "The contact and the fields to change.")
            .Resolve((ClientService clients, UpdateContactInput input, CancellationToken ct) =>
                clients.UpdateContactAsync(input, GlobalIds.Decode<Contact>(input.ContactId, "input.contactId"), ct));
    }

    private static long ClientId(string clientId) => GlobalIds.Decode<Client>(clientId, "input.clientId");

    private static long? OwnerId(string? ownerId) => GlobalIds.DecodeOptional<StaffUser>(ownerId, "input.ownerId");
}
