using System.Security.Claims;

namespace Platform.GraphQL.Server.Limits;

/// <summary>Who a per-client limit counts against: the token's subject (a client id or user id), else the name.</summary>
internal static class CallerKey
{
    /// <summary>Null for an anonymous caller, who has no limit of its own.</summary>
    public static string? Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst("sub")?.Value ?? user.Identity.Name : null;
}
