using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Platform.Api.Start;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Webhooks;

namespace Platform.Api.Tests.Start;

/// <summary>
/// A node's first answer, which the webhook dispatcher waits for before its first round: health checks do not count,
/// a node no one calls starts it after the delay, and a node stopped before either stops cleanly.
/// </summary>
public sealed class FirstAnswerTests
{
    /// <summary>A node with the hosted dispatcher that no one has called yet (no token fetched at start).</summary>
    public sealed class UncalledNode() : ApiHost("Sqlite")
    {
        protected override bool GetsClientAtStart => false;

        protected override void Configure(WebApplicationBuilder builder)
        {
            builder.Configuration["Webhooks:RunDispatcher"] = "true";
            builder.Configuration["Webhooks:StartDelay"] = "01:00:00";
        }
    }

    [Fact]
    public async Task HealthChecks_DoNotCount_TheFirstOtherAnswerDoes()
    {
        var node = new UncalledNode();
        await node.InitializeAsync();
        try
        {
            var first = node.Services.GetRequiredService<FirstAnswer>();

            (await node.Anonymous.GetAsync("/health/ready")).EnsureSuccessStatusCode();
            (await node.Anonymous.GetAsync("/health/live")).EnsureSuccessStatusCode();
            Assert.False(first.HasAnswered);

            // Refused for want of a token, but answered all the same.
            await node.Anonymous.GetAsync("/graphql?query={__typename}");
            Assert.True(first.HasAnswered);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task NodeStoppedBeforeItsFirstAnswer_StopsTheWaitingDispatcherCleanly()
    {
        var node = new UncalledNode();
        await node.InitializeAsync();
        try
        {
            BackgroundService dispatcher = node.Services.GetRequiredService<WebhookDispatcher>();
            Assert.False(dispatcher.ExecuteTask!.IsCompleted);

            await node.StopNodeAsync();

            Assert.True(dispatcher.ExecuteTask.IsCompletedSuccessfully);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Wait_EndsAtTheFirstAnswerOrAfterTheDelay()
    {
        var time = new FakeTimeProvider();
        var answered = new FirstAnswer();
        var untilAnswer = answered.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None);
        var unanswered = new FirstAnswer();
        var untilDelay = unanswered.WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.False(untilDelay.IsCompleted);
        Assert.False(untilAnswer.IsCompleted);

        answered.Answered();
        await untilAnswer;
        time.Advance(TimeSpan.FromTicks(1));
        await untilDelay;
        Assert.False(unanswered.HasAnswered);
    }
}
