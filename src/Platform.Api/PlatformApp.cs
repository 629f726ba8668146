using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Api.Bulk;
using Platform.Api.Deployment;
using Platform.Api.GraphQL;
using Platform.Api.Imports;
using Platform.Api.Leads;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Observability;
using Platform.Api.Redis;
using Platform.Api.Security;
using Platform.Data;
using Platform.GraphQL.Server.Http;

namespace Platform.Api;

/// <summary>The composition root, shared by Program, the tests and the benchmark.</summary>
public static class PlatformApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPlatformData(builder.Configuration);
        builder.Services.AddDatabaseAvailability(builder.Configuration);
        builder.Services.AddPlatformHealthChecks();
        configure?.Invoke(builder);
        builder.Services.AddPlatformRedis(builder.Configuration);
        builder.Services.AddPlatformObservability(builder.Configuration);
        builder.Services.AddGracefulShutdown(builder.Configuration);
        builder.Services.AddPlatformSecurity(builder.Configuration, builder.Environment);
        builder.Services.AddPlatformGraphQL(builder.Configuration, exposeExceptionDetails: builder.Environment.IsDevelopment());

        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = builder.Configuration.GetSection(GraphQLOptions.Section).Get<GraphQLOptions>()?.RequestTimeout ?? new GraphQLOptions().RequestTimeout,
            // 504 with a TIMEOUT error rather than an empty body.
            WriteTimeoutResponse = GraphQLHttpTimeout.WriteResponseAsync,
        });

        var app = builder.Build();
        app.UseRequestTimeouts();
        app.UseWebSockets();
        app.UseDatabaseUnavailableAnswers();
        app.UseLandingKeyCors();
        // A GraphQL request without a bearer token (a landing page's) has nothing for OpenIddict to validate: skip the
        // handler chain. Every other path keeps it (the OAuth endpoints and the sign-in pages are handled there).
        app.UseWhen(http => http.Request.Headers.Authorization.Count > 0 || !http.Request.Path.StartsWithSegments("/graphql"),
            branch => branch.UseAuthentication());
        // UseAuthentication marks the branch, not this app, as having authentication; unmarked, WebApplication would
        // add it again in front of everything (every request authenticated, a token twice).
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseLandingKeys();
        app.UseAuthorization();
        app.MapPlatformSecurity();
        var options = app.Services.GetRequiredService<IOptions<GraphQLOptions>>().Value;
        app.UseFormRateLimit();
        app.MapGraphQLHttp<PlatformSchema>("/graphql", http =>
        {
            http.MaxRequestBytes = options.MaxRequestBytes;
            http.MaxErrors = options.Limits.MaxErrors;
            http.EnableBatching = options.EnableBatching;
            http.EnableGraphiQL = options.ServesGraphiQL(app.Environment);
            // Introspection needs a token; on a developer's machine GraphiQL shows the (published) schema without one.
            http.GraphiQLSchemaWithoutToken = app.Environment.IsDevelopment();
            http.GetCacheControl = options.GetCacheControl;
            http.WebSockets = options.WebSockets;
            http.WebSockets.Authenticate = WebSocketTokenAuthentication.AuthenticateAsync;
        });
        app.MapFormTokens();
        app.MapBulkExportDownloads();
        app.MapImportFileUploads();
        app.MapLeadImportResultsDownloads();
        app.MapPlatformHealthChecks();
        app.MapPlatformMetrics();
        if (options.ServesGraphiQL(app.Environment))
            app.MapGet("/", () => Results.Redirect("/graphql"));
        return app;
    }
}
