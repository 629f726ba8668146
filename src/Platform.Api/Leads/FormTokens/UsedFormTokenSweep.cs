using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Data;

namespace Platform.Api.Leads.FormTokens;

/// <summary>
/// Deletes the used form tokens no submission can present any more. A row is kept one token lifetime past the token's
/// expiry: a submission spooled during an outage, made while its token was valid, may be stored that much later and
/// must still find a reuse. One node of a fleet sweeps at a time (a lease).
/// </summary>
public sealed class UsedFormTokenSweep(IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, IOptions<LeadOptions> options, ILogger<UsedFormTokenSweep> logger)
    : PeriodicDatabaseWork(scopes, availability, time, logger, TimeSpan.FromMinutes(10), "Used form tokens were not swept")
{
    protected override Task RunOnceAsync(CancellationToken ct) => SweepAsync(ct);

    /// <summary>Deletes the rows past their keeping time and returns how many.</summary>
    internal async Task<int> SweepAsync(CancellationToken ct)
    {
        var before = Time.GetUtcNow().UtcDateTime - options.Value.FormTokenLifetime;
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.UsedFormTokens.Where(t => t.ExpiresAt < before).ExecuteDeleteAsync(ct);
    }
}
