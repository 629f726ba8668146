namespace Platform.Domain.Referrals;

/// <summary>A partner eligible for a program that is not open to every partner (SPEC §3.7).</summary>
public class ReferralProgramPartner : Entity
{
    /// <summary>The program.</summary>
    public long ProgramId { get; set; }

    /// <summary>The eligible partner.</summary>
    public long PartnerId { get; set; }
}
