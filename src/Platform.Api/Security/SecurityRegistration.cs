using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Api.Bulk;
using Platform.Api.Imports;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Security.StaffSignIn;
using Platform.Data;
using Platform.GraphQL.Server.Authorization;

namespace Platform.Api.Security;

/// <summary>Registers the built-in OAuth 2.0 server (OpenIddict), local token validation and the API's policies.</summary>
public static class SecurityRegistration
{
    public static IServiceCollection AddPlatformSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(OAuthOptions.Section).Get<OAuthOptions>() ?? new OAuthOptions();
        services.AddOptions<OAuthOptions>().Bind(configuration.GetSection(OAuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var (signingKey, encryptionKey) = SecurityKeys.Load(options);
        services.AddSingleton(new FormTokenSigner(SecurityKeys.DeriveSecret(signingKey, "Platform form tokens")));
        services.AddSingleton(new BulkExportLinks(SecurityKeys.DeriveSecret(signingKey, "Platform bulk export links")));
        services.AddSingleton(new LeadImportLinks(SecurityKeys.DeriveSecret(signingKey, "Platform lead import results links")));

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                // Staff users: authorization code with PKCE (S256 only), refresh tokens, logout.
                server.SetAuthorizationEndpointUris(AuthorizeEndpoint.Path.TrimStart('/'))
                    .SetEndSessionEndpointUris(EndSessionEndpoint.Path.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                server.Configure(o => o.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                server.RegisterScopes(Scopes.All);
                server.RegisterScopes(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OpenId, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess);
                server.AddSigningKey(signingKey);
                server.AddEncryptionKey(encryptionKey);
                // Access tokens are signed JWTs any resource server can validate with the JWKS; not encrypted.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                if (options.Issuer is { } issuer)
                    server.SetIssuer(issuer);
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps)
                    aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddEventHandler(RevokedClientCheck.Descriptor);
            });

        services.AddAuthentication(BearerAuthentication.Name)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.Name, BearerAuthentication.Configure);
        services.AddSingleton<ValidatedTokens>();
        services.AddStaffSignIn();
        services.AddSharedDataProtectionKeys(configuration);
        services.AddAuthorizationBuilder().AddPlatformPolicies();
        services.AddSingleton(new GraphQLAuthorizationOptions
        {
            DefaultQueryPolicy = Policies.CrmRead,
            DefaultMutationPolicy = Policies.CrmWrite,
            // The schema is published (schema/schema.graphql) for partners; live introspection needs a token in every
            // environment, a staff one in Production.
            IntrospectionPolicy = environment.IsProduction() ? Policies.Staff : null,
        });
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<ICurrentActor, HttpCurrentActor>());
        services.AddScoped<ClientRegistry>();
        services.AddMemoryCache();
        services.AddSingleton<ClientStatusCache>();
        return services;
    }

    public static WebApplication MapPlatformSecurity(this WebApplication app)
    {
        app.MapPost(TokenEndpoint.Path, TokenEndpoint.HandleAsync).WithDisplayName("OAuth token");
        app.MapMethods(AuthorizeEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).WithDisplayName("OAuth authorize");
        app.MapMethods(EndSessionEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync).WithDisplayName("OAuth logout");
        return app;
    }
}
