namespace Platform.Domain.Referrals;

/// <summary>A partner eligible for a program that is not open to every partner.</summary>
public class ReferralProgramPartner : Entity
{
    /// <summary>The program.</summary>
    public long ProgramId { get; set; }

    /// <summary>The eligible partner.</summary>
    public long PartnerId { get; set; }
}
