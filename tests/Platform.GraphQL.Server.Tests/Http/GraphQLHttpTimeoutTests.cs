using System.Net;
using System.Text;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.GraphQL.Server.Errors;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>The endpoint behind ASP.NET Core's request-timeout middleware: a timeout is answered, a client that left is not.</summary>
public sealed class GraphQLHttpTimeoutTests(GraphQLHttpTimeoutTests.Host host) : IClassFixture<GraphQLHttpTimeoutTests.Host>
{
    [Fact]
    public async Task Post_RequestTimesOut_Returns504WithTimeoutError()
    {
        var response = await host.PostAsync("""{"query":"{ hello stalled }"}""");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal(GraphQLHttpTimeout.ErrorCode, response.ErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_RequestTimesOutForLegacyClient_AnswersInApplicationJson()
    {
        var response = await host.PostAsync("""{"query":"{ stalled }"}""", accept: "application/json");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(GraphQLHttpTimeout.ErrorCode, response.ErrorCode);
    }

    [Fact]
    public async Task Post_ClientGoesAway_NothingIsAnswered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ stalled }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(Host.CaseHeader, "leaving");
        using var leaving = new CancellationTokenSource();
        // The other tests' stalled requests released the semaphore too: count only this one's start.
        while (TestQuery.StalledStarted.Wait(0))
        {
        }
        var sending = host.Client.SendAsync(request, leaving.Token);
        await TestQuery.StalledStarted.WaitAsync(TimeSpan.FromMinutes(1));
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        Outcome outcome;
        do
            outcome = await host.Outcomes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        while (outcome.Case != "leaving");
        Assert.False(outcome.ResponseStarted);
        Assert.NotEqual(StatusCodes.Status504GatewayTimeout, outcome.StatusCode);
    }

    /// <summary>What the outermost middleware saw of a request: its status, whether a response was sent, what escaped.</summary>
    public sealed record Outcome(string? Case, int StatusCode, bool ResponseStarted, Exception? Escaped);

    /// <summary>The test schema behind the request-timeout middleware with a short timeout and <see cref="GraphQLHttpTimeout"/>'s answer.</summary>
    public sealed class Host : IAsyncLifetime
    {
        /// <summary>Names a request, so its outcome can be told from the others'.</summary>
        public const string CaseHeader = "X-Test-Case";

        private WebApplication? _app;

        public HttpClient Client { get; private set; } = null!;

        public Channel<Outcome> Outcomes { get; } = Channel.CreateUnbounded<Outcome>();

        public async Task InitializeAsync()
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Services.AddGraphQL(b => b
                .AddSchema<TestSchema>()
                .AddGraphTypes(typeof(TestSchema).Assembly)
                .AddErrorInfoProvider(new MaskingErrorInfoProvider(new ErrorInfoProviderOptions()))
                .AddSystemTextJson());
            // Short, so a stalled field times out at once; the test waits on the answer, not on a clock.
            builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromMilliseconds(200),
                WriteTimeoutResponse = GraphQLHttpTimeout.WriteResponseAsync,
            });

            _app = builder.Build();
            _app.Use(async (context, next) =>
            {
                Exception? escaped = null;
                try
                {
                    await next(context);
                }
                catch (Exception exception)
                {
                    escaped = exception;
                }
                Outcomes.Writer.TryWrite(new Outcome(context.Request.Headers[CaseHeader].FirstOrDefault(), context.Response.StatusCode, context.Response.HasStarted, escaped));
            });
            _app.UseRequestTimeouts();
            _app.MapGraphQLHttp<TestSchema>("/graphql");
            await _app.StartAsync();
            Client = _app.GetTestClient();
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            if (_app is not null)
                await _app.DisposeAsync();
        }

        public async Task<GraphQLHttpResponse> PostAsync(string json, string? accept = GraphQLHttpTestHost.GraphQLResponseAccept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (accept is not null)
                request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await Client.SendAsync(request);
            return await GraphQLHttpResponse.ReadAsync(response);
        }
    }
}
