using Platform.Api.Common;
using Platform.Domain.Clients;

namespace Platform.Api.Clients;

/// <summary>The <c>Contact</c> object type.</summary>
public sealed class ContactType : EntityType<Contact>
{
    public ContactType() : base("A person at a client we talk to; a client may have several.")
    {
        Field(x => x.FirstName);
        Field(x => x.LastName, nullable: true);
        Field(x => x.Position, nullable: true);
        Field(x => x.PositionGroup, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.HasDecisionAuthority);
        Field(x => x.Notes, nullable: true);
        Field<ClientType>("client")
            .Description("The client the person works for.")
            .Resolve(context => context.LoadById<Client>(context.Source.ClientId));
    }
}
