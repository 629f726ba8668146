namespace Platform.Api.Security;

/// <summary>The kinds of machine clients (client credentials) and the scopes each may be granted.</summary>
public static class ClientKinds
{
    public const string Landing = "landing";
    public const string Partner = "partner";
    public const string Bi = "bi";
    public const string Integration = "integration";

    public static readonly IReadOnlyDictionary<string, string[]> ScopesOf = new Dictionary<string, string[]>
    {
        [Landing] = [Scopes.LeadsSubmit],
        [Partner] = [Scopes.Partner],
        [Bi] = [Scopes.KpiRead],
        [Integration] = [Scopes.CrmRead, Scopes.CrmWrite],
    };
}
