namespace Platform.Data;

/// <summary>Tells an actor's <see cref="ActorKind"/>.</summary>
public static class ActorKinds
{
    internal static ActorKind Of(ICurrentActor actor) =>
        actor.PartnerId is not null ? ActorKind.Partner : actor.LeadOwnerId is not null ? ActorKind.LeadOwner : ActorKind.Unrestricted;

    /// <summary>Whether <paramref name="actor"/> sees only part of the data: a partner's client (its own rows) or a manager (their own leads).</summary>
    public static bool IsRestricted(this ICurrentActor actor) => Of(actor) != ActorKind.Unrestricted;
}
