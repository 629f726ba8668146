using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Data;

namespace Platform.Api.Privacy;

/// <summary>
/// Deletes the submissions rejected as spam once they are older than <see cref="PrivacyOptions.RejectedSubmissionRetention"/>
/// (they hold the sender's IP address). One node of a fleet deletes at a time (a lease); a delete by age is the same
/// whichever node runs it, and running it twice deletes nothing more.
/// </summary>
public sealed class RejectedSubmissionRetention(IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, IOptions<PrivacyOptions> options,
    ILogger<RejectedSubmissionRetention> logger)
    : PeriodicDatabaseWork(scopes, availability, time, logger, TimeSpan.FromMinutes(10), "Rejected submissions past their retention were not deleted")
{
    protected override Task RunOnceAsync(CancellationToken ct) => DeleteExpiredAsync(ct);

    /// <summary>Deletes the rejections older than the retention and returns how many.</summary>
    internal async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var before = Time.GetUtcNow().UtcDateTime - options.Value.RejectedSubmissionRetention;
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.RejectedSubmissions.Where(r => r.RejectedAt < before).ExecuteDeleteAsync(ct);
    }
}
