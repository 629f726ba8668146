using System.Collections.Concurrent;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// A node that stops (as on SIGTERM) while it serves: its subscribers are told to go elsewhere with 1001, and no
/// submission it answered as stored or queued is lost or stored twice, alone or in a rolling restart of two nodes.
/// </summary>
public abstract class GracefulShutdownTests(string provider)
{
    [Fact]
    public async Task StoppingNode_ClosesItsSubscriptionsWithGoingAway()
    {
        var node = new LoopbackNode(provider);
        await node.InitializeAsync();
        try
        {
            await using var socket = await GraphQLWsTestClient.ConnectAndInitAsync(WebSocketUri(node), await node.TokenAsync(DemoClients.Integration));
            await socket.SubscribeAsync("1", """subscription { leadEvents { id } }""");

            var stopping = node.StopNodeAsync();
            var (_, code, reason) = await socket.ReceiveUntilCloseAsync();
            await socket.CloseAsync();
            await stopping;

            Assert.Equal((1001, "Server shutting down"), (code, reason));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task SubmissionsInFlight_WhenTheNodeStops_AreStoredOnceOrAnsweredWithAFailure()
    {
        const int submissions = 120;
        var node = new LoopbackNode(provider);
        await node.InitializeAsync();
        LoopbackNode? restarted = null;
        try
        {
            var client = await node.ClientForAsync(DemoClients.Integration);
            var keys = Enumerable.Range(0, submissions).Select(_ => Guid.NewGuid().ToString()).ToList();
            var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var answers = keys.Select(async key =>
            {
                var status = await ShutdownLoad.SubmitAsync(client, key);
                firstAnswer.TrySetResult();
                return (Key: key, Status: status);
            }).ToList();

            await firstAnswer.Task;
            await node.StopNodeAsync();
            var answered = await Task.WhenAll(answers);
            // The node started again on its spool stores what it had queued.
            restarted = new LoopbackNode(provider, node) { SpoolPath = node.SpoolPath };
            await restarted.InitializeAsync();
            var stored = await ShutdownLoad.StoredAsync(restarted, keys);

            var kept = answered.Where(a => a.Status is "ACCEPTED" or "QUEUED").Select(a => a.Key).ToList();
            Assert.NotEmpty(kept);
            Assert.All(kept, key => Assert.True(stored.ContainsKey(key), $"{key} was answered as kept and is not stored"));
            Assert.All(stored, s => Assert.Equal(1, s.Value));
        }
        finally
        {
            if (restarted is not null)
                await restarted.DisposeAsync();
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task RollingRestartOfOneOfTwoNodes_UnderConcurrentSubmissions_StoresEachExactlyOnce()
    {
        const int senders = 6, perSender = 40;
        var a = new LoopbackNode(provider);
        await a.InitializeAsync();
        var b = new LoopbackNode(provider, a);
        await b.InitializeAsync();
        LoopbackNode? restarted = null;
        try
        {
            // The load balancer: one slot per node, taken in turn; a submission that gets no answer is sent again, with
            // its key, to the next slot.
            var slots = new[] { await a.ClientForAsync(DemoClients.Integration), await b.ClientForAsync(DemoClients.Integration) };
            var turn = 0;
            var failures = 0;
            var answered = 0;
            var thirdAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var statuses = new ConcurrentDictionary<string, string>();
            var load = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < perSender; i++)
                {
                    var key = Guid.NewGuid().ToString();
                    string? status;
                    while ((status = await ShutdownLoad.SubmitAsync(Volatile.Read(ref slots[Interlocked.Increment(ref turn) % 2]), key)) is null)
                        Assert.True(Interlocked.Increment(ref failures) < 1000, "The nodes stopped answering.");
                    statuses[key] = status;
                    if (Interlocked.Increment(ref answered) == senders * perSender / 3)
                        thirdAnswered.TrySetResult();
                }
            })).ToList();

            await thirdAnswered.Task;
            await a.StopNodeAsync();
            restarted = new LoopbackNode(provider, a) { SpoolPath = a.SpoolPath };
            await restarted.InitializeAsync();
            Volatile.Write(ref slots[0], await restarted.ClientForAsync(DemoClients.Integration));
            await Task.WhenAll(load);
            await ShutdownLoad.StoredAsync(b, []);
            var stored = await ShutdownLoad.StoredAsync(restarted, statuses.Keys.ToList());

            Assert.Equal(senders * perSender, statuses.Count);
            Assert.All(statuses.Values, status => Assert.Contains(status, new[] { "ACCEPTED", "QUEUED" }));
            Assert.Equal(statuses.Keys.Order(), stored.Keys.Order());
            Assert.All(stored, s => Assert.Equal(1, s.Value));
        }
        finally
        {
            if (restarted is not null)
                await restarted.DisposeAsync();
            await b.DisposeAsync();
            await a.DisposeAsync();
        }
    }

    private static Uri WebSocketUri(ApiHost node) => new($"ws://{node.Address!.Authority}/graphql");
}

public sealed class SqliteGracefulShutdownTests() : GracefulShutdownTests("Sqlite");

public sealed class PostgresGracefulShutdownTests() : GracefulShutdownTests("Postgres");
