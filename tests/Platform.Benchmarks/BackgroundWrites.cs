using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Benchmarks;

/// <summary>
/// A live system's writes during a read benchmark (<c>--writes N</c>): N leads a second inserted through the API's own
/// DbContext, so every insert bumps the KPI data version as a landing page's submission would.
/// </summary>
internal static class BackgroundWrites
{
    /// <summary>Inserts leads at <paramref name="perSecond"/> until <paramref name="stop"/>; returns how many.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, int perSecond, CancellationToken stop)
    {
        if (perSecond <= 0)
            return 0;
        var written = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                db.Leads.Add(new Lead { FirstName = "Background", Phone = $"+4930{Random.Shared.Next(10_000_000, 99_999_999)}", CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync(CancellationToken.None);
                written++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return written;
    }
}
