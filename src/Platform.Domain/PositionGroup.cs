namespace Platform.Domain;

/// <summary>
/// The nine groups of a contact person's position used to target offers; the
/// product that interests a person changes with the position.
/// </summary>
public enum PositionGroup
{
    /// <summary>Business owner or director.</summary>
    OwnerOrDirector,

    /// <summary>Marketing, advertising or PR director.</summary>
    MarketingDirector,

    /// <summary>Commercial or sales director.</summary>
    CommercialDirector,

    /// <summary>Head of the internet/digital direction.</summary>
    HeadOfInternet,

    /// <summary>Brand manager.</summary>
    BrandManager,

    /// <summary>IT director.</summary>
    ItDirector,

    /// <summary>Representative of a government body.</summary>
    GovernmentRepresentative,

    /// <summary>Representative of a large advertising agency (a partner channel).</summary>
    AdAgencyRepresentative,

    /// <summary>Representative of a large system integrator (a partner channel).</summary>
    SystemIntegratorRepresentative,
}
