using GraphQL;
using GraphQL.Types;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed class TestQuery : ObjectGraphType
{
    /// <summary>Thrown by <c>boom</c>; must never reach a response.</summary>
    public const string SecretFailure = "connection string Password=hunter2 rejected";

    /// <summary>Thrown by <c>unavailable</c>'s resolver: a service behind it is down for <see cref="RetryAfterSeconds"/>.</summary>
    public const int RetryAfterSeconds = 7;

    /// <summary>Released each time <c>stalled</c> starts waiting, so a test knows the request is in the resolver.</summary>
    public static readonly SemaphoreSlim StalledStarted = new(0);

    public TestQuery()
    {
        Name = "Query";
        Field<StringGraphType>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(context => $"Hello, {context.GetArgument<string?>("name") ?? "world"}!");
        Field<StringGraphType>("boom")
            .Resolve(_ => throw new InvalidOperationException(SecretFailure));
        Field<StringGraphType>("greeting")
            .Resolve(context => context.UserContext.TryGetValue("greeting", out var greeting) ? greeting : null);
        Field<StringGraphType>("unavailable")
            .Resolve(_ => throw new HttpStatusError(503, "SERVICE_UNAVAILABLE", "Down for a moment.", RetryAfterSeconds));
        // Waits until the request is cancelled (a timeout or the client going away).
        Field<StringGraphType>("stalled")
            .ResolveAsync(async context =>
            {
                StalledStarted.Release();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return null;
            });
        Field<StringGraphType>("me")
            .Resolve(context => context.User?.Identity?.Name);
    }
}
