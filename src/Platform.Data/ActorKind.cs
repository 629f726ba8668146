namespace Platform.Data;

/// <summary>The kinds of caller whose queries need a model of their own: the filters differ by kind, their values by caller.</summary>
internal enum ActorKind
{
    /// <summary>Staff above manager, internal systems, the system itself: no filters.</summary>
    Unrestricted,

    /// <summary>A partner's client: partner isolation.</summary>
    Partner,

    /// <summary>A manager: only the leads they own.</summary>
    LeadOwner,
}
