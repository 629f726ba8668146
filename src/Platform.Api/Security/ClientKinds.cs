namespace Platform.Api.Security;

/// <summary>The kinds of machine clients (client credentials) and the scopes each gets or may be granted.</summary>
public static class ClientKinds
{
    public const string Landing = "landing";
    public const string Partner = "partner";
    public const string Bi = "bi";
    public const string Integration = "integration";

    /// <summary>The scopes every client of a kind gets.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ScopesOf = new Dictionary<string, string[]>
    {
        [Landing] = [Scopes.LeadsSubmit],
        [Partner] = [Scopes.Partner],
        [Bi] = [Scopes.KpiRead],
        [Integration] = [Scopes.CrmRead, Scopes.CrmWrite],
    };

    /// <summary>
    /// The admin scopes a client of a kind gets only when they are named at <c>clients add --scopes</c>; never by default.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> GrantableScopesOf = new Dictionary<string, string[]>
    {
        [Landing] = [],
        [Partner] = [],
        [Bi] = [Scopes.MetricsRead],
        [Integration] = [Scopes.ReferralsAdmin, Scopes.PlansWrite],
    };
}
