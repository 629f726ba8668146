namespace Platform.Domain.Clients;

/// <summary>
/// A person at a client. A client may have several contacts, often different from the
/// person we talked to as a lead.
/// </summary>
public class Contact : Entity
{
    /// <summary>Client the person works for.</summary>
    public long ClientId { get; set; }

    /// <summary>The client the person works for.</summary>
    public Client Client { get; set; } = null!;

    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Last name.</summary>
    public string? LastName { get; set; }

    /// <summary>Position as given.</summary>
    public string? Position { get; set; }

    /// <summary>Which of the nine position groups the person belongs to.</summary>
    public PositionGroup? PositionGroup { get; set; }

    /// <summary>Phone number, normalised.</summary>
    public string? Phone { get; set; }

    /// <summary>Personal e-mail address, stored lower-case.</summary>
    public string? Email { get; set; }

    /// <summary>Whether the person may negotiate and decide purchases.</summary>
    public bool HasDecisionAuthority { get; set; }

    /// <summary>Lead the contact was created from on conversion, if any.</summary>
    public long? OriginLeadId { get; set; }

    /// <summary>Notes: language, priorities, what interests the person.</summary>
    public string? Notes { get; set; }

    /// <summary>Irreversibly replaces the person's names, phone, e-mail and notes; the position group and decision authority stay.</summary>
    public void Erase()
    {
        FirstName = Privacy.PersonalData.Erased;
        LastName = Phone = Email = Notes = null;
    }
}
