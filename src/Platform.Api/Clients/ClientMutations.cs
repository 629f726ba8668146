using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Staff;

namespace Platform.Api.Clients;

/// <summary>The client and contact fields of the root mutation.</summary>
public static class ClientMutations
{
    public static void AddClientMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ClientPayloadType>>("createClient")
            .Description("Creates a client card with its legal data, owner (farmer), segment and loyalty category.")
            .Argument<NonNullGraphType<CreateClientInputType>>("input", "The client card.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CreateClientInput>("input");
                return await Service(context).CreateAsync(input, GlobalIds.DecodeOptional<StaffUser>(input.OwnerId, "input.ownerId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ClientPayloadType>>("updateClient")
            .Description("Changes a client card: legal data, owner (farmer) assignment, segment, and the loyalty category along the allowed transitions listed on LoyaltyCategory (else INVALID_TRANSITION).")
            .Argument<NonNullGraphType<UpdateClientInputType>>("input", "The client and the fields to change.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<UpdateClientInput>("input");
                var id = GlobalIds.Decode<Client>(input.ClientId, "input.clientId");
                return await Service(context).UpdateAsync(input, id, GlobalIds.DecodeOptional<StaffUser>(input.OwnerId, "input.ownerId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ContactPayloadType>>("addContact")
            .Description("Adds a person at a client.")
            .Argument<NonNullGraphType<AddContactInputType>>("input", "The client and the person.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<AddContactInput>("input");
                return await Service(context).AddContactAsync(input, GlobalIds.Decode<Client>(input.ClientId, "input.clientId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ContactPayloadType>>("updateContact")
            .Description("Changes a contact.")
            .Argument<NonNullGraphType<UpdateContactInputType>>("input", "The contact and the fields to change.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<UpdateContactInput>("input");
                return await Service(context).UpdateContactAsync(input, GlobalIds.Decode<Contact>(input.ContactId, "input.contactId"), context.CancellationToken);
            });
    }

    private static ClientService Service(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ClientService>();
}
