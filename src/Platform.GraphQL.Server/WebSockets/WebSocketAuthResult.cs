using System.Security.Claims;

namespace Platform.GraphQL.Server.WebSockets;

/// <summary>The outcome of a socket's <c>connection_init</c>: who the caller is and until when, or a refusal.</summary>
public sealed class WebSocketAuthResult
{
    private WebSocketAuthResult(ClaimsPrincipal? user, DateTimeOffset? expiresAt)
    {
        User = user;
        ExpiresAt = expiresAt;
    }

    /// <summary>Refuses the connection: the socket is closed with 4403.</summary>
    public static WebSocketAuthResult Refused { get; } = new(null, null);

    /// <summary>The caller every operation of the socket runs as; null when refused.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>When the socket is closed with 4403 (a token's expiry); null: never.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Accepts the connection as <paramref name="user"/> until <paramref name="expiresAt"/>.</summary>
    public static WebSocketAuthResult Accepted(ClaimsPrincipal user, DateTimeOffset? expiresAt) => new(user ?? throw new ArgumentNullException(nameof(user)), expiresAt);
}
