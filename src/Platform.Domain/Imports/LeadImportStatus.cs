namespace Platform.Domain.Imports;

/// <summary>Where a lead import stands.</summary>
public enum LeadImportStatus
{
    /// <summary>Waiting for a node to run it.</summary>
    Queued,

    /// <summary>A node is importing its rows.</summary>
    Running,

    /// <summary>Every row was processed; the results file can be downloaded.</summary>
    Completed,

    /// <summary>It could not be run; its error says why.</summary>
    Failed,

    /// <summary>Its caller cancelled it; the rows processed before stay processed.</summary>
    Cancelled,
}
