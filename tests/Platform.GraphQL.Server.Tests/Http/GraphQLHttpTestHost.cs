using System.Security.Claims;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Platform.GraphQL.Server.Errors;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>An in-memory host mapping the endpoint several times, once per option set the tests need.</summary>
public sealed class GraphQLHttpTestHost : IAsyncLifetime
{
    public const string Default = "/graphql";
    public const string Batching = "/batching";
    public const string Small = "/small";
    public const string Faulty = "/faulty";
    public const string FaultyValidation = "/faulty-validation";
    public const string WithoutGraphiQL = "/no-ide";
    public const string Cached = "/cached";
    public const string ServedSchema = "/served-schema";
    public const string CacheControl = "private, max-age=60";

    public const int SmallLimit = 256;
    public const string HookGreeting = "hello from ConfigureExecution";
    public const string UserHeader = "X-Test-User";

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

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

        _app = builder.Build();
        // Stands in for authentication: the endpoint must hand HttpContext.User to resolvers.
        _app.Use((context, next) =>
        {
            if (context.Request.Headers[UserHeader] is [{ } name])
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "Test"));
            return next(context);
        });
        _app.MapGraphQLHttp<TestSchema>(Default, o => o.ConfigureExecution = (_, options) =>
        {
            options.UserContext["greeting"] = HookGreeting;
            return Task.CompletedTask;
        });
        _app.MapGraphQLHttp<TestSchema>(Batching, o => o.EnableBatching = true);
        _app.MapGraphQLHttp<TestSchema>(Small, o => o.MaxRequestBytes = SmallLimit);
        _app.MapGraphQLHttp<TestSchema>(Faulty, o => o.ConfigureExecution = (_, _) => throw new InvalidOperationException(TestQuery.SecretFailure));
        _app.MapGraphQLHttp<TestSchema>(FaultyValidation, o => o.ConfigureExecution = (_, options) =>
        {
            options.ValidationRules = [new ThrowingValidationRule()];
            return Task.CompletedTask;
        });
        _app.MapGraphQLHttp<TestSchema>(WithoutGraphiQL, o => o.EnableGraphiQL = false);
        _app.MapGraphQLHttp<TestSchema>(Cached, o => o.GetCacheControl = CacheControl);
        _app.MapGraphQLHttp<TestSchema>(ServedSchema, o => o.GraphiQLSchemaWithoutToken = true);

        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>What GraphQL clients send; pass null to send no Accept header (answered as application/json).</summary>
    public const string GraphQLResponseAccept = "application/graphql-response+json";

    public Task<GraphQLHttpResponse> PostAsync(string path, string json, string? accept = GraphQLResponseAccept, string? contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, accept, new ByteArrayContent(Encoding.UTF8.GetBytes(json)), contentType);

    public Task<GraphQLHttpResponse> GetAsync(string pathAndQuery, string? accept = GraphQLResponseAccept) =>
        SendAsync(HttpMethod.Get, pathAndQuery, accept, content: null, contentType: null);

    public async Task<GraphQLHttpResponse> SendAsync(HttpMethod method, string path, string? accept, HttpContent? content, string? contentType, string? user = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        if (user is not null)
            request.Headers.Add(UserHeader, user);
        if (content is not null)
        {
            content.Headers.ContentType = null;
            if (contentType is not null)
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var response = await Client.SendAsync(request);
        return await GraphQLHttpResponse.ReadAsync(response);
    }

    /// <summary>Builds a <c>?query=...</c> string with every value URL-encoded.</summary>
    public static string Query(string path, params (string Name, string Value)[] parameters) =>
        path + "?" + string.Join("&", parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
}
