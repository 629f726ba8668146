using GraphQL.Types;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>The caller of a request, as <c>me</c> returns it.</summary>
public sealed record Viewer(string? ClientId, long? PartnerId);

/// <summary>The <c>Viewer</c> type.</summary>
public sealed class ViewerType : ObjectGraphType<Viewer>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The caller of the request: the API client it authenticated as and, for a partner's systems, the partner.";
        Field(x => x.ClientId, nullable: true).Description("The OAuth client id the caller authenticated with.");
        Field<PartnerGraphType>("partner").Description("The partner the caller's client is bound to; null for staff and internal systems.")
            .Resolve(c => c.LoadById<Partner>(c.Source.PartnerId));
    }

    public static Viewer Of(ICurrentActor actor) => new(actor.ClientId, actor.PartnerId);
}
