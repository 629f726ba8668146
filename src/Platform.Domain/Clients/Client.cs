using Platform.Domain.Deals;
using Platform.Domain.Orders;
using Platform.Domain.Staff;

namespace Platform.Domain.Clients;

/// <summary>
/// A client: a company or person we have a contract, invoice or purchase with. Worked by a
/// farmer; keeps a permanent link to the lead it came from (C3) and its loyalty category and
/// key-client segment. The client card holds data a lead does not need (L7, L8).
/// </summary>
public class Client : Entity
{
    /// <summary>Company name or the person's full name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Company or private person.</summary>
    public ClientKind Kind { get; set; }

    /// <summary>Taxpayer identification number (TIN / ИНН).</summary>
    public string? TaxId { get; set; }

    /// <summary>OKPO statistical code of the company.</summary>
    public string? Okpo { get; set; }

    /// <summary>Company registration certificate number.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>Industry or type of activity.</summary>
    public string? Industry { get; set; }

    /// <summary>Region or city.</summary>
    public string? Region { get; set; }

    /// <summary>Whether the organisation is budgetary (state-funded) rather than commercial.</summary>
    public bool IsBudgetary { get; set; }

    /// <summary>Number of employees, a measure of scale.</summary>
    public int? EmployeeCount { get; set; }

    /// <summary>Main e-mail address, stored lower-case.</summary>
    public string? Email { get; set; }

    /// <summary>Main phone number, normalised.</summary>
    public string? Phone { get; set; }

    /// <summary>Website address.</summary>
    public string? Website { get; set; }

    /// <summary>Free-form notes on the client card.</summary>
    public string? Notes { get; set; }

    /// <summary>Responsible staff user, usually a farmer (O4); may differ from the lead's owner.</summary>
    public long? OwnerId { get; set; }

    /// <summary>The responsible staff user.</summary>
    public StaffUser? Owner { get; set; }

    /// <summary>Strategic-partner manager, for clients bringing more than 10 % of turnover (O5).</summary>
    public long? StrategicManagerId { get; set; }

    /// <summary>The lead this client was converted from; permanent (C3).</summary>
    public long? OriginLeadId { get; set; }

    /// <summary>Loyalty category (nine categories).</summary>
    public LoyaltyCategory LoyaltyCategory { get; set; } = LoyaltyCategory.Potential;

    /// <summary>When the loyalty category last changed.</summary>
    public DateTime? LoyaltyCategoryChangedAt { get; set; }

    /// <summary>Key-client segment, once assessed.</summary>
    public ClientSegment? Segment { get; set; }

    /// <summary>People at the client we talk to.</summary>
    public ICollection<Contact> Contacts { get; set; } = new List<Contact>();

    /// <summary>Deals with the client.</summary>
    public ICollection<Deal> Deals { get; set; } = new List<Deal>();

    /// <summary>Orders (receipts) of the client.</summary>
    public ICollection<Order> Orders { get; set; } = new List<Order>();

    /// <summary>
    /// Irreversibly removes the person's phone, e-mail and the notes of a client that is the person; a private person's
    /// name is replaced too. Orders, owner and segment stay, so revenue figures do.
    /// </summary>
    public void ErasePerson()
    {
        Phone = Email = Notes = null;
        if (Kind == ClientKind.Person)
            Name = Privacy.PersonalData.Erased;
    }
}
