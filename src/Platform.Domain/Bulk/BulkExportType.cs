namespace Platform.Domain.Bulk;

/// <summary>What a bulk export holds: one row per object of this type.</summary>
public enum BulkExportType
{
    /// <summary>Leads, as the <c>Lead</c> type.</summary>
    Leads,
}
