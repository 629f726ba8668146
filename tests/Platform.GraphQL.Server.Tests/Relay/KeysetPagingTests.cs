using GraphQL;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.GraphQL.Server.Relay;

namespace Platform.GraphQL.Server.Tests.Relay;

public sealed class KeysetPagingTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ItemsContext _db;
    private readonly List<string> _sql = new();

    // Three rows share each timestamp, so the id tie-breaker decides their order.
    private static readonly KeysetOrder<Item> NewestFirst =
        KeysetOrder<Item>.By("CREATED_AT_DESC", x => x.CreatedAt, descending: true).ThenBy(x => x.Id, descending: true);
    private static readonly KeysetOrder<Item> ByName = KeysetOrder<Item>.By("NAME", x => x.Name).ThenBy(x => x.Id);

    public KeysetPagingTests()
    {
        _connection.Open();
        _db = new ItemsContext(new DbContextOptionsBuilder<ItemsContext>()
            .UseSqlite(_connection)
            .LogTo(line => { if (line.Contains("SELECT")) _sql.Add(line); }, Microsoft.Extensions.Logging.LogLevel.Information)
            .Options);
        _db.Database.EnsureCreated();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var groups = Enumerable.Range(0, 7).Select(_ => new Group()).ToList();
        _db.Groups.AddRange(groups);
        _db.Items.AddRange(Enumerable.Range(1, 25).Select(i => new Item { Name = $"item {i % 7}", Group = groups[i % 7], CreatedAt = start.AddHours(i / 3) }));
        _db.SaveChanges();
        _sql.Clear();
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public async Task Forward_PagesThroughEveryRowOnceInOrder()
    {
        var expected = _db.Items.AsEnumerable().OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Select(x => x.Id).ToList();
        var seen = new List<long>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await KeysetPaging.PageAsync(_db.Items, PageRequest.Create(4, after, null, null), NewestFirst, default);
            seen.AddRange(page.Nodes.Select(x => x.Id));
            pages++;
            Assert.Equal(after is not null, page.PageInfo.HasPreviousPage);
            if (!page.PageInfo.HasNextPage)
                break;
            after = page.PageInfo.EndCursor;
        }
        Assert.Equal(expected, seen);
        Assert.Equal(7, pages); // 25 rows by 4
    }

    [Fact]
    public async Task Backward_PagesFromTheEndInTheSameOrder()
    {
        var expected = _db.Items.AsEnumerable().OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Id).Select(x => x.Id).ToList();
        var seen = new List<long>();
        string? before = null;
        while (true)
        {
            var page = await KeysetPaging.PageAsync(_db.Items, PageRequest.Create(null, null, 10, before), ByName, default);
            seen.InsertRange(0, page.Nodes.Select(x => x.Id));
            Assert.Equal(before is not null, page.PageInfo.HasNextPage);
            if (!page.PageInfo.HasPreviousPage)
                break;
            before = page.PageInfo.StartCursor;
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Page_UsesOneSeekQueryWithoutOffset_AndCountsOnlyWhenAsked()
    {
        var first = await KeysetPaging.PageAsync(_db.Items, PageRequest.Create(5, null, null, null), NewestFirst, default);
        var second = await KeysetPaging.PageAsync(_db.Items, PageRequest.Create(5, first.PageInfo.EndCursor, null, null), NewestFirst, default);
        Assert.Equal(2, _sql.Count);
        Assert.DoesNotContain(_sql, s => s.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("WHERE", _sql[1]);

        Assert.Equal(25, await second.Count().GetResultAsync());
        Assert.Equal(3, _sql.Count);
    }

    [Fact]
    public async Task WindowPerParent_PagesEveryParentsChildrenInOneQuery()
    {
        var request = PageRequest.Create(2, null, null, null);
        var rows = await KeysetPaging.WindowPerParent(_db.Groups, g => g.Items, x => x.GroupId > 0, request, NewestFirst).ToListAsync();

        Assert.Single(_sql);
        Assert.DoesNotContain(_sql, s => s.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("ORDER BY", _sql[0][_sql[0].LastIndexOf(')')..]); // the outer query is ordered, not just the window
        var groups = rows.GroupBy(x => x.GroupId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(7, groups.Count);
        foreach (var (groupId, window) in groups)
        {
            var expected = _db.Items.AsEnumerable().Where(x => x.GroupId == groupId)
                .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(3).Select(x => x.Id);
            Assert.Equal(expected, window.Select(x => x.Id)); // the page plus one row that says more follow
            var page = KeysetPaging.ToConnection(window, request, NewestFirst, () => throw new InvalidOperationException());
            Assert.Equal(2, page.Edges.Count);
            Assert.True(page.PageInfo.HasNextPage);
        }
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(5, true)]
    [InlineData(30, false)]
    public async Task CompiledPageOfTheWholeSet_AnswersAsTheQueryBuiltPerRequest(int size, bool backward)
    {
        var request = backward ? PageRequest.Create(null, null, size, null) : PageRequest.Create(size, null, null, null);

        var built = await KeysetPaging.PageAsync(_db.Items.AsNoTracking(), request, NewestFirst, default);
        var compiled = await KeysetPaging.PageAsync(_db.Items.AsNoTracking(), request, NewestFirst, default, context: _db);
        var again = await KeysetPaging.PageAsync(_db.Items.AsNoTracking(), request, NewestFirst, default, context: _db);

        Assert.Equal(built.Nodes.Select(x => x.Id), compiled.Nodes.Select(x => x.Id));
        Assert.Equal(built.Nodes.Select(x => x.Id), again.Nodes.Select(x => x.Id));
        Assert.Equal((built.PageInfo.HasNextPage, built.PageInfo.HasPreviousPage), (compiled.PageInfo.HasNextPage, compiled.PageInfo.HasPreviousPage));
    }

    [Fact]
    public async Task FilteredOrCursorPage_WithAContext_StillAppliesItsFilterAndCursor()
    {
        var first = await KeysetPaging.PageAsync(_db.Items.AsNoTracking(), PageRequest.Create(4, null, null, null), NewestFirst, default, context: _db);

        var next = await KeysetPaging.PageAsync(_db.Items.AsNoTracking(), PageRequest.Create(4, first.PageInfo.EndCursor, null, null), NewestFirst, default, context: _db);
        var filtered = await KeysetPaging.PageAsync(_db.Items.AsNoTracking().Where(x => x.Name == "item 3"), PageRequest.Create(4, null, null, null), NewestFirst, default, context: _db);

        Assert.Empty(next.Nodes.Select(x => x.Id).Intersect(first.Nodes.Select(x => x.Id)));
        Assert.True(next.Nodes.All(x => x.CreatedAt <= first.Nodes[^1].CreatedAt));
        Assert.NotEmpty(filtered.Nodes);
        Assert.All(filtered.Nodes, x => Assert.Equal("item 3", x.Name));
    }

    [Fact]
    public async Task Page_EmptySource_HasNoCursorsAndNoNextPage()
    {
        var page = await KeysetPaging.PageAsync(_db.Items.Where(x => x.Name == "none"), PageRequest.Create(3, null, null, null), NewestFirst, default);
        Assert.Empty(page.Edges);
        Assert.Null(page.PageInfo.StartCursor);
        Assert.Null(page.PageInfo.EndCursor);
        Assert.False(page.PageInfo.HasNextPage);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(101, null)]
    [InlineData(null, 0)]
    [InlineData(null, 101)]
    [InlineData(5, 5)]
    public void PageRequest_OutOfRangeOrBoth_IsRefused(int? first, int? last)
    {
        var error = Assert.Throws<ExecutionError>(() => PageRequest.Create(first, null, last, null));
        Assert.Equal("INVALID_PAGINATION", error.Code);
    }

    [Theory]
    [InlineData(1, null, 1, false)]
    [InlineData(100, null, 100, false)]
    [InlineData(null, 1, 1, true)]
    [InlineData(null, 100, 100, true)]
    [InlineData(null, null, PageRequest.DefaultPageSize, false)]
    public void PageRequest_Boundaries_AreAccepted(int? first, int? last, int size, bool backward)
    {
        var request = PageRequest.Create(first, null, last, null);
        Assert.Equal(size, request.Size);
        Assert.Equal(backward, request.Backward);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("W10")] // base64url of "[]"
    public void Cursor_Malformed_IsRefused(string cursor)
    {
        var error = Assert.Throws<ExecutionError>(() => NewestFirst.Beyond(cursor, before: false));
        Assert.Equal("INVALID_CURSOR", error.Code);
    }

    [Fact]
    public async Task Cursor_OfAnotherOrder_IsRefused()
    {
        var page = await KeysetPaging.PageAsync(_db.Items, PageRequest.Create(2, null, null, null), ByName, default);
        var error = Assert.Throws<ExecutionError>(() => NewestFirst.Beyond(page.PageInfo.EndCursor!, before: false));
        Assert.Equal("INVALID_CURSOR", error.Code);
        Assert.Contains("another sort order", error.Message);
    }

    public sealed class Item
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public long GroupId { get; set; }
        public Group Group { get; set; } = null!;
    }

    public sealed class Group
    {
        public long Id { get; set; }
        public List<Item> Items { get; set; } = new();
    }

    private sealed class ItemsContext(DbContextOptions<ItemsContext> options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();
        public DbSet<Group> Groups => Set<Group>();
    }
}
