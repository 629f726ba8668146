using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Data.Outbox;

/// <summary>Pulses the <see cref="OutboxSignal"/> when a transaction that wrote outbox rows commits.</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    /// <inheritdoc />
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    /// <inheritdoc />
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is PlatformDbContext { HasUncommittedOutboxRows: true } db)
        {
            db.HasUncommittedOutboxRows = false;
            signal.Pulse();
        }
    }
}
