using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace Platform.Api.Security;

/// <summary>
/// The authorization policies GraphQL fields name (<c>field.AuthorizeWithPolicy(Policies.X)</c>). Unmarked query
/// fields need <see cref="CrmRead"/>, unmarked mutations <see cref="CrmWrite"/>.
/// </summary>
public static class Policies
{
    /// <summary>Read CRM data: scope <c>crm:read</c> or any staff role.</summary>
    public const string CrmRead = "crm:read";

    /// <summary>Read leads: <see cref="CrmRead"/>, or a partner (who sees only its own leads: partner isolation in the data layer).</summary>
    public const string LeadsRead = "leads:read";

    /// <summary>Change CRM data: scope <c>crm:write</c> or any staff role.</summary>
    public const string CrmWrite = "crm:write";

    /// <summary>Submit a lead: scope <c>leads:submit</c> (landing clients and keys), a partner (referred leads), <c>crm:write</c> or any staff role.</summary>
    public const string LeadsSubmit = "leads:submit";

    /// <summary>Read KPI aggregates: scope <c>kpi:read</c> or any staff role.</summary>
    public const string KpiRead = "kpi:read";

    /// <summary>A partner's own data: scope <c>partner</c> and a partner binding.</summary>
    public const string Partner = "partner";

    /// <summary>Staff users only (any role); introspection in Production.</summary>
    public const string Staff = "staff";

    public static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(CrmRead, p => p.RequireAssertion(c => IsStaff(c.User) || c.User.HasScope(Scopes.CrmRead)))
        .AddPolicy(LeadsRead, p => p.RequireAssertion(c => IsStaff(c.User) || c.User.HasScope(Scopes.CrmRead) || IsPartner(c.User)))
        .AddPolicy(CrmWrite, p => p.RequireAssertion(c => IsStaff(c.User) || c.User.HasScope(Scopes.CrmWrite)))
        .AddPolicy(LeadsSubmit, p => p.RequireAssertion(c => IsStaff(c.User) || c.User.HasScope(Scopes.LeadsSubmit) || c.User.HasScope(Scopes.CrmWrite) || IsPartner(c.User)))
        .AddPolicy(KpiRead, p => p.RequireAssertion(c => IsStaff(c.User) || c.User.HasScope(Scopes.KpiRead)))
        .AddPolicy(Partner, p => p.RequireAssertion(c => IsPartner(c.User)))
        .AddPolicy(Staff, p => p.RequireAssertion(c => IsStaff(c.User)));

    private static bool IsPartner(ClaimsPrincipal user) => user.HasScope(Scopes.Partner) && user.HasClaim(claim => claim.Type == PlatformClaims.PartnerId);

    private static bool IsStaff(ClaimsPrincipal user) => StaffRoles.All.Any(user.IsInRole);
}
