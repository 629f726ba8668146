namespace Platform.Data.Leases;

/// <summary>A node's hold on work that one node of a fleet does at a time (<see cref="DatabaseLeases"/>).</summary>
public class Lease
{
    /// <summary>The work, e.g. the background job's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The node holding it.</summary>
    public string Holder { get; set; } = "";

    /// <summary>When another node may take it, unless the holder renews it first.</summary>
    public DateTime ExpiresAt { get; set; }
}
