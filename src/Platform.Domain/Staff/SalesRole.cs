namespace Platform.Domain.Staff;

/// <summary>
/// A staff member's role in the three-stage sales department (generation →
/// conversion → farmer), plus the head of sales and the marketer.
/// </summary>
public enum SalesRole
{
    /// <summary>Generates interest and leads (paid per interested person).</summary>
    Generation,

    /// <summary>Converts leads into a first deal.</summary>
    Conversion,

    /// <summary>Works with existing clients: repeat sales, retention, reactivation.</summary>
    Farmer,

    /// <summary>Head of sales: distributes leads, assigns tasks, analyses managers.</summary>
    Head,

    /// <summary>Marketer: owns the lead-generation plan (leads, channels, cost per lead).</summary>
    Marketer,
}
