using Microsoft.EntityFrameworkCore.Storage;
using Platform.Domain;
using Platform.Domain.Events;

namespace Platform.Data.Outbox;

/// <summary>What <see cref="OutboxInterceptor"/> carries from before a save to after it.</summary>
internal sealed class OutboxWork
{
    /// <summary>The aggregates whose events this save writes.</summary>
    public List<Entity> Recorded { get; } = [];

    /// <summary>The rows added to this save (those of changed aggregates).</summary>
    public List<OutboxEvent> Rows { get; } = [];

    /// <summary>New aggregates and their events: their rows are written once they have ids.</summary>
    public List<(Entity Aggregate, List<DomainEvent> Events)> New { get; } = [];

    /// <summary>The transaction begun for this save and the rows that follow it, if the caller had none.</summary>
    public IDbContextTransaction? Transaction { get; set; }
}
