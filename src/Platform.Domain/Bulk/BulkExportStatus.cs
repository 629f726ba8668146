namespace Platform.Domain.Bulk;

/// <summary>Where a bulk export stands.</summary>
public enum BulkExportStatus
{
    /// <summary>Waiting for a node to run it.</summary>
    Queued,

    /// <summary>A node is writing its file.</summary>
    Running,

    /// <summary>Its file is written and can be downloaded until it expires.</summary>
    Completed,

    /// <summary>It could not be written; its error says why.</summary>
    Failed,

    /// <summary>Its caller cancelled it before it completed.</summary>
    Cancelled,
}
