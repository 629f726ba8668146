using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Api.Availability;

/// <summary>
/// Tells <see cref="DatabaseAvailability"/> about every failed connection, command and transaction of every context
/// (GraphQL resolvers, OpenIddict's stores, background writers alike), and while the database is known to be
/// unreachable refuses to open a connection (<see cref="DatabaseUnavailableException"/>) so that nobody waits on it.
/// </summary>
internal sealed class DatabaseFailureInterceptor(DatabaseAvailability availability) : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowIfUnavailable();
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfUnavailable();
        return ValueTask.FromResult(result);
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Report(eventData);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => availability.ReportFailure(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        availability.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => availability.ReportFailure(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        availability.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Report(ConnectionErrorEventData eventData)
    {
        // EF reports a failure it expects at Debug: an existence check opening a database that may not exist yet (the
        // SQLite file before the first migration). That is no outage.
        if (eventData.LogLevel > LogLevel.Debug)
            availability.ReportFailure(eventData.Exception);
    }

    private void ThrowIfUnavailable()
    {
        if (!availability.IsAvailable)
            throw new DatabaseUnavailableException();
    }
}
