namespace Platform.Domain.Imports;

/// <summary>What became of one row of a lead import.</summary>
public enum LeadImportOutcome
{
    /// <summary>A new lead.</summary>
    Created,

    /// <summary>A repeat touch on the person's open lead (one person, one open lead: L11).</summary>
    Touched,

    /// <summary>Refused, with the field and the code of each error; nothing of the row was stored.</summary>
    Rejected,

    /// <summary>An earlier import of the same file already stored this row; nothing was stored again.</summary>
    Unchanged,
}
