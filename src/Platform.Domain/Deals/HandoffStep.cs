namespace Platform.Domain.Deals;

/// <summary>The four steps of the seller → production hand-off, done in order.</summary>
public enum HandoffStep
{
    /// <summary>1. Participants introduced: a meeting or a group call.</summary>
    Introduced,

    /// <summary>2. Project set up in the task planner, participants invited.</summary>
    PlannerProject,

    /// <summary>3. Documentation, requirements and materials shared.</summary>
    DocumentsShared,

    /// <summary>4. Project handed to the project manager with the needed information.</summary>
    HandedToProjectManager,
}
