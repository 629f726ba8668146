using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Platform.GraphQL.Server.Authorization;
using Platform.GraphQL.Server.Errors;
using Platform.GraphQL.Server.Http;
using Platform.GraphQL.Server.Subscriptions;
using Platform.GraphQL.Server.Tests.Http;
using Platform.GraphQL.Server.WebSockets;

namespace Platform.GraphQL.Server.Tests.WebSockets;

/// <summary>
/// The test schema served by Kestrel on a free loopback port with the WebSocket transport on, a fake clock and a
/// token check that accepts <c>Bearer &lt;name&gt;</c> for an hour (<c>Bearer admin</c> has the admin role) and
/// refuses <see cref="RefusedToken"/> and a missing token. Subscribers of a field marked to share event results share them.
/// </summary>
public sealed class GraphQLWsTestHost : IAsyncLifetime
{
    public const string RefusedToken = "refused";
    public const int MaxSubscriptionsPerConnection = 2;
    public const int MaxConnectionsPerClient = 2;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new();

    public TestEvents Events { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Messages a socket may have waiting to be sent before it is closed with 1013.</summary>
    public int MaxQueuedMessages { get; init; } = new GraphQLWebSocketOptions().MaxQueuedMessages;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton(Events);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton(new GraphQLAuthorizationOptions());
        builder.Services.AddGraphQL(b => b
            .AddSchema<TestSchema>()
            .AddGraphTypes(typeof(TestSchema).Assembly)
            .AddValidationRule<AuthorizationValidationRule>()
            .AddExecutionStrategy<SharedEventExecutionStrategy>(OperationType.Subscription)
            .AddErrorInfoProvider(new MaskingErrorInfoProvider(new ErrorInfoProviderOptions()))
            .AddSystemTextJson());

        _app = builder.Build();
        _app.UseWebSockets();
        _app.MapGraphQLHttp<TestSchema>("/graphql", o =>
        {
            o.ConfigureExecution = (_, options) =>
            {
                options.UserContext["greeting"] = GraphQLHttpTestHost.HookGreeting;
                return Task.CompletedTask;
            };
            o.WebSockets = new GraphQLWebSocketOptions
            {
                MaxSubscriptionsPerConnection = MaxSubscriptionsPerConnection,
                MaxConnectionsPerClient = MaxConnectionsPerClient,
                MaxQueuedMessages = MaxQueuedMessages,
                Authenticate = (_, payload, _) => ValueTask.FromResult(Authenticate(payload)),
            };
        });
        await _app.StartAsync();
        Endpoint = new Uri(_app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal) + "/graphql");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private WebSocketAuthResult Authenticate(JsonElement? payload)
    {
        if (payload?.TryGetProperty("authorization", out var header) != true || header.GetString() is not { } value
            || !value.StartsWith("Bearer ", StringComparison.Ordinal) || value["Bearer ".Length..] is not { Length: > 0 } name || name == RefusedToken)
        {
            return WebSocketAuthResult.Refused;
        }
        var claims = new List<Claim> { new("sub", name), new(ClaimTypes.Name, name) };
        if (name == TestEvents.AdminRole)
            claims.Add(new Claim(ClaimTypes.Role, TestEvents.AdminRole));
        return WebSocketAuthResult.Accepted(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")), Clock.GetUtcNow() + TokenLifetime);
    }
}
