namespace Platform.Domain.Referrals;

/// <summary>Kind of partner that refers or receives leads.</summary>
public enum PartnerType
{
    /// <summary>An advertising agency (partner channel).</summary>
    AdAgency,

    /// <summary>A system integrator (partner channel).</summary>
    SystemIntegrator,

    /// <summary>A contractor paid per lead it finds.</summary>
    LeadGenerationContractor,

    /// <summary>A dealer receiving leads of its region.</summary>
    Dealer,

    /// <summary>A non-competing adjacent business sharing prospects.</summary>
    AdjacentBusiness,
}
