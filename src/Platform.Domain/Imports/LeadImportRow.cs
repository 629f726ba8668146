namespace Platform.Domain.Imports;

/// <summary>The result of one row of a lead import, stored with the import's progress so a resumed import keeps it.</summary>
public class LeadImportRow
{
    /// <summary>The import.</summary>
    public long ImportId { get; set; }

    /// <summary>The row's number in the file: 1 for the first data row (a CSV header is not counted).</summary>
    public long RowNumber { get; set; }

    /// <summary>What became of it.</summary>
    public LeadImportOutcome Outcome { get; set; }

    /// <summary>The lead it created or touched (or that an earlier import of it did).</summary>
    public long? LeadId { get; set; }

    /// <summary>For a rejected row: its errors as a JSON array of <c>{field, code, message}</c>.</summary>
    public string? Errors { get; set; }
}
