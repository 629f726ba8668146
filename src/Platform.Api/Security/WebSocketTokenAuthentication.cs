using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Platform.GraphQL.Server.WebSockets;

namespace Platform.Api.Security;

/// <summary>
/// The token check of a GraphQL WebSocket's <c>connection_init</c>: the access token in its payload
/// (<c>{"authorization": "Bearer …"}</c>, the key in any case), else in the upgrade request's <c>Authorization</c>
/// header, validated by OpenIddict as a bearer token over HTTP is (signature, lifetime, revoked clients). The socket
/// lives until the token expires.
/// </summary>
internal static class WebSocketTokenAuthentication
{
    public static async ValueTask<WebSocketAuthResult> AuthenticateAsync(HttpContext http, JsonElement? payload, CancellationToken cancellationToken)
    {
        var authorization = AuthorizationOf(payload) ?? http.Request.Headers.Authorization.ToString();
        if (BearerAuthentication.TokenOf(authorization) is not { } token)
            return WebSocketAuthResult.Refused;
        try
        {
            var principal = await http.RequestServices.GetRequiredService<OpenIddictValidationService>().ValidateAccessTokenAsync(token, cancellationToken);
            return WebSocketAuthResult.Accepted(principal, principal.GetExpirationDate());
        }
        catch (OpenIddictExceptions.ProtocolException)
        {
            return WebSocketAuthResult.Refused;
        }
    }

    private static string? AuthorizationOf(JsonElement? payload)
    {
        if (payload is not { } json)
            return null;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                return property.Value.GetString();
        }
        return null;
    }
}
