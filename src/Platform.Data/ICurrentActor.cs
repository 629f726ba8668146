namespace Platform.Data;

/// <summary>
/// Who is making the current change, for audit stamps (<c>CreatedBy</c>/<c>UpdatedBy</c>) and the
/// audit log. Scoped: the API registers one that reads the authenticated caller.
/// </summary>
public interface ICurrentActor
{
    /// <summary>The acting person's or system's name; null if anonymous.</summary>
    string? Name { get; }

    /// <summary>The OAuth client id (or landing key) the call came through, if any.</summary>
    string? ClientId { get; }

    /// <summary>
    /// The partner a partner's client is bound to; when set, the <see cref="PlatformDbContext"/> shows only that
    /// partner's data (<c>PartnerIsolation</c>). Null for staff, internal systems and the system itself.
    /// </summary>
    long? PartnerId => null;

    /// <summary>
    /// The staff user (a manager) whose own leads are all this caller may see; when set, the <see cref="PlatformDbContext"/>
    /// shows only leads that staff user owns (<c>LeadOwnership</c>). Null for heads of sales, admins, systems and partners.
    /// </summary>
    long? LeadOwnerId => null;
}

/// <summary>The default actor outside a request: <c>system</c>, no client.</summary>
public sealed class SystemActor : ICurrentActor
{
    /// <summary>The name stamped by the default actor.</summary>
    public const string SystemName = "system";

    /// <inheritdoc />
    public string? Name => SystemName;

    /// <inheritdoc />
    public string? ClientId => null;
}
