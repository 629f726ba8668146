namespace Platform.Domain.Referrals;

/// <summary>Kind of partner that refers or receives leads.</summary>
public enum PartnerType
{
    /// <summary>An advertising agency (partner channel, R10).</summary>
    AdAgency,

    /// <summary>A system integrator (partner channel, R10).</summary>
    SystemIntegrator,

    /// <summary>A contractor paid per lead it finds (R11).</summary>
    LeadGenerationContractor,

    /// <summary>A dealer receiving leads of its region (R12).</summary>
    Dealer,

    /// <summary>A non-competing adjacent business sharing prospects (R9).</summary>
    AdjacentBusiness,
}
