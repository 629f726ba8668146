namespace Platform.Domain.Deals;

/// <summary>One move of a deal between stages; the stage history is kept for funnel KPIs.</summary>
public class DealStageChange : Entity
{
    /// <summary>Deal that moved.</summary>
    public long DealId { get; set; }

    /// <summary>Stage it left; null for the first stage of a new deal.</summary>
    public long? FromStageId { get; set; }

    /// <summary>Stage it entered.</summary>
    public long ToStageId { get; set; }

    /// <summary>When it moved.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>Who moved it: a staff user's name or an API client id.</summary>
    public string? ChangedBy { get; set; }
}
