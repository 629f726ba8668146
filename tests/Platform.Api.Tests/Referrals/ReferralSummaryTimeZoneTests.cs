using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Referrals;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;

namespace Platform.Api.Tests.Referrals;

/// <summary>
/// The monthly referral summary buckets by UTC month whatever the PostgreSQL session's time zone: an
/// event at 20:00 UTC on the last day of a month stays in that month on a server set to UTC+14.
/// </summary>
public sealed class ReferralSummaryTimeZoneTests(PostgresApi api) : IClassFixture<PostgresApi>
{
    private static readonly DateTime JanuaryEvening = new(2035, 1, 31, 20, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FebruaryMidnight = new(2035, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Kiritimati")] // UTC+14: January evening is already February there
    [InlineData("America/Los_Angeles")] // UTC−8: February midnight is still January there
    public async Task Months_AreUtcMonths_WhateverTheSessionTimeZone(string timeZone)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync();
        await SeedOnceAsync(db);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('TimeZone', {timeZone}, false)");

        var localMonth = await db.Database.SqlQuery<int>($"SELECT CAST(extract(month FROM {JanuaryEvening}) AS int) AS \"Value\"").SingleAsync();
        Assert.Equal(timeZone == "Pacific/Kiritimati" ? 2 : 1, localMonth); // the session really is in that zone

        var months = await ReferralSummary.ByMonthAsync(db, JanuaryEvening.AddDays(-30), FebruaryMidnight.AddDays(27), CancellationToken.None);

        Assert.Equal([(new DateTime(2035, 1, 1), 1, 0), (new DateTime(2035, 2, 1), 1, 1)], months.Select(m => (m.Month, m.ReferredLeads, m.ConvertedLeads)));
        Assert.Equal([(RewardStatus.Earned, 1, 120_00L)], months[0].Rewards.Select(r => (r.Status, r.Count, r.Amount.AmountMinor)));
        Assert.Empty(months[1].Rewards);
    }

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    /// <summary>Two referrals: one attributed on the January evening and converted at February midnight; one attributed at February midnight; its reward earned on the January evening.</summary>
    private static async Task SeedOnceAsync(PlatformDbContext db)
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded)
                return;
            var program = await db.ReferralPrograms.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var partner = await db.Partners.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var leads = new[] { new Lead { FirstName = "Tz", Phone = "+4930700000001", CreatedAt = JanuaryEvening }, new Lead { FirstName = "Tz", Phone = "+4930700000002", CreatedAt = FebruaryMidnight } };
            db.Leads.AddRange(leads);
            await db.SaveChangesAsync();
            var january = new Referral { ProgramId = program, PartnerId = partner, LeadId = leads[0].Id, AttributedAt = JanuaryEvening, ConvertedAt = FebruaryMidnight, Status = ReferralStatus.Rewarded };
            january.Rewards.Add(new Reward { Status = RewardStatus.Earned, AmountMinor = 120_00, Currency = "EUR", EarnedAt = JanuaryEvening, ApprovableAt = JanuaryEvening.AddDays(30) });
            db.Referrals.AddRange(january, new Referral { ProgramId = program, PartnerId = partner, LeadId = leads[1].Id, AttributedAt = FebruaryMidnight });
            await db.SaveChangesAsync();
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }
}
