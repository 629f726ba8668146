using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Privacy;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Tests.Privacy;

/// <summary>Spam rejections are deleted once older than Privacy:RejectedSubmissionRetention (30 days), by one node at a time.</summary>
public sealed class RejectedSubmissionRetentionTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 8, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly TwoPostgresNodes _nodes = new();

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();

    [Fact]
    public async Task Rejections_OlderThanTheRetention_AreDeleted_TheOthersKept_ByOneNode()
    {
        _nodes.A.Clock.FixedAt = _nodes.B.Clock.FixedAt = Now;
        var source = $"retention-{Guid.NewGuid():N}";
        var retention = TimeSpan.FromDays(30);
        await using (var scope = _nodes.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            foreach (var age in new[] { retention + TimeSpan.FromDays(5), retention + TimeSpan.FromSeconds(1), retention, retention - TimeSpan.FromSeconds(1), TimeSpan.Zero })
                db.RejectedSubmissions.Add(new RejectedSubmission { Source = source, Reason = SpamReason.Honeypot, IpAddress = "198.51.100.7", RejectedAt = Now - age });
            await db.SaveChangesAsync();
        }

        var ran = await Task.WhenAll(Work(_nodes.A).RunRoundAsync(default), Work(_nodes.B).RunRoundAsync(default));

        Assert.Single(ran, true);
        await using var check = _nodes.B.Services.CreateAsyncScope();
        var kept = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().RejectedSubmissions
            .Where(r => r.Source == source).Select(r => r.RejectedAt).OrderBy(t => t).ToListAsync();
        Assert.Equal([Now - retention, Now - retention + TimeSpan.FromSeconds(1), Now], kept);
    }

    private static RejectedSubmissionRetention Work(ApiHost node) => node.Services.GetServices<IHostedService>().OfType<RejectedSubmissionRetention>().Single();
}
