using GraphQL.Types;
using Platform.Api.Clients;
using Platform.Api.Deals;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads.Conversion;

/// <summary>What <c>convertLead</c> returns.</summary>
public sealed record ConvertLeadPayload(Lead? Lead, Client? Client, Contact? Contact, Deal? Deal, bool ClientExisted, IReadOnlyList<IPayloadError> Errors)
{
    public static ConvertLeadPayload Failed(IPayloadError error) => new(null, null, null, null, false, [error]);
}

/// <summary>The <c>ConvertLeadPayload</c> type.</summary>
public sealed class ConvertLeadPayloadType : ObjectGraphType<ConvertLeadPayload>
{
    public ConvertLeadPayloadType()
    {
        Name = "ConvertLeadPayload";
        Description = "The result of `convertLead`: the converted lead, its client, contact and deal, or the errors (then nothing was changed).";
        Field<LeadType>("lead").Description("The lead, now CONVERTED.").Resolve(c => c.Source.Lead);
        Field<ClientType>("client").Description("The client the lead became or was linked to.").Resolve(c => c.Source.Client);
        Field<ContactType>("contact").Description("The lead's person as a contact of the client.").Resolve(c => c.Source.Contact);
        Field<DealType>("deal").Description("The deal opened in the default pipeline, if asked for.").Resolve(c => c.Source.Deal);
        Field<NonNullGraphType<BooleanGraphType>>("clientExisted")
            .Description("True when an existing client matched the lead's tax id, e-mail or phone and was linked instead of creating one.")
            .Resolve(c => c.Source.ClientExisted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadErrorType>>>>("errors")
            .Description("Why the conversion was refused; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}
