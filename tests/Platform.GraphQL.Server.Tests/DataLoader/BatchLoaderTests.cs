using Platform.GraphQL.Server.DataLoader;

namespace Platform.GraphQL.Server.Tests.DataLoader;

public sealed class BatchLoaderTests
{
    private readonly List<IReadOnlyList<int>> _batches = new();

    private BatchLoader<int, string> Loader(DataLoaderContext context) =>
        context.GetOrAdd<int, string>("squares", (keys, _) =>
        {
            _batches.Add(keys.ToList());
            IReadOnlyDictionary<int, string> found = keys.Where(k => k > 0).ToDictionary(k => k, k => $"#{k * k}");
            return Task.FromResult(found);
        });

    [Fact]
    public async Task Load_ManyKeysBeforeAwaiting_FetchesOnceWithDistinctKeys()
    {
        var context = new DataLoaderContext();
        var results = new[] { 1, 2, 3, 2, 1 }.Select(k => Loader(context).Load(k)).ToList();

        var values = new List<string?>();
        foreach (var result in results)
            values.Add(await result.GetResultAsync());

        Assert.Equal(["#1", "#4", "#9", "#4", "#1"], values);
        Assert.Equal([[1, 2, 3]], _batches);
    }

    [Fact]
    public async Task Load_AfterABatchRan_StartsANewBatchAndReusesCachedKeys()
    {
        var context = new DataLoaderContext();
        await Loader(context).Load(1).GetResultAsync();
        var again = Loader(context).Load(1);
        var fresh = Loader(context).Load(5);

        Assert.Equal("#25", await fresh.GetResultAsync());
        Assert.Equal("#1", await again.GetResultAsync());
        Assert.Equal([[1], [5]], _batches);
    }

    [Fact]
    public async Task Load_MissingKey_ResolvesToNull()
    {
        var context = new DataLoaderContext();
        Assert.Null(await Loader(context).Load(-1).GetResultAsync());
    }
}
