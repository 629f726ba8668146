using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Api.Leads.Spool;

namespace Platform.Api.Tests.Leads;

/// <summary>The spool on a real SQLite file: order, capacity, and entries that outlive the instance that stored them.</summary>
public sealed class SubmissionSpoolTests : IDisposable
{
    private static readonly DateTime At = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"platform-spool-{Guid.NewGuid():N}");

    private string File => Path.Combine(_directory, "spool.db");

    [Fact]
    public async Task Peek_GivesEntriesOldestFirst_AndRemoveTakesThemOut()
    {
        using var spool = Open();
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < ids.Length; i++)
            Assert.NotNull(await spool.TryEnqueueAsync(ids[i], $$"""{"n":{{i}}}""", At.AddSeconds(-i), default));

        var firstThree = await spool.PeekAsync(3, default);
        Assert.Equal(ids[..3], firstThree.Select(e => e.ReceiptId));
        Assert.Equal("""{"n":0}""", firstThree[0].PayloadJson);
        Assert.Equal(At, firstThree[0].QueuedAt);
        Assert.Equal(DateTimeKind.Utc, firstThree[0].QueuedAt.Kind);
        Assert.Equal(4, spool.Depth);

        await spool.RemoveAsync(ids[1], default);
        await spool.RemoveAsync(ids[0], default);
        await spool.RemoveAsync(Guid.NewGuid(), default);

        Assert.Equal(ids[2..], (await spool.PeekAsync(10, default)).Select(e => e.ReceiptId));
        Assert.Equal(2, spool.Depth);
    }

    [Fact]
    public async Task Enqueue_SameReceiptAgain_KeepsTheFirstEntry()
    {
        using var spool = Open();
        var id = Guid.NewGuid();

        var first = await spool.TryEnqueueAsync(id, """{"try":1}""", At, default);
        var again = await spool.TryEnqueueAsync(id, """{"try":2}""", At.AddMinutes(1), default);

        Assert.Equal(first, again);
        Assert.Equal(1, spool.Depth);
    }

    [Fact]
    public async Task Enqueue_WhenFull_ReturnsNull_UntilAnEntryIsRemoved()
    {
        using var spool = Open(maxEntries: 2);
        var kept = Guid.NewGuid();
        await spool.TryEnqueueAsync(kept, "{}", At, default);
        await spool.TryEnqueueAsync(Guid.NewGuid(), "{}", At, default);

        Assert.Null(await spool.TryEnqueueAsync(Guid.NewGuid(), "{}", At, default));
        Assert.Equal(2, spool.Depth);

        await spool.RemoveAsync(kept, default);
        Assert.NotNull(await spool.TryEnqueueAsync(Guid.NewGuid(), "{}", At, default));
    }

    [Fact]
    public async Task Entries_AreInTheFile_ForANewInstance()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        using (var spool = Open())
        {
            foreach (var id in ids)
                await spool.TryEnqueueAsync(id, "{}", At, default);
        }

        using var reopened = Open();

        Assert.Equal("wal", JournalMode());
        Assert.Equal(2, reopened.Depth);
        Assert.Equal(ids, (await reopened.PeekAsync(10, default)).Select(e => e.ReceiptId));
    }

    [Fact]
    public async Task Enqueue_IsCommittedBeforeItReturns()
    {
        // The first instance is never closed, as when the process is killed: a second connection sees the entry.
        var writer = Open();
        var id = Guid.NewGuid();
        await writer.TryEnqueueAsync(id, """{"kept":true}""", At, default);

        using var reader = Open();

        Assert.Equal(id, Assert.Single(await reader.PeekAsync(10, default)).ReceiptId);
        writer.Dispose();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private string JournalMode()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={File};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }

    private SubmissionSpool Open(int maxEntries = 100) =>
        new(Options.Create(new SpoolOptions { Path = File, MaxEntries = maxEntries }),
            new HostingEnvironment { ContentRootPath = _directory }, NullLogger<SubmissionSpool>.Instance);
}
