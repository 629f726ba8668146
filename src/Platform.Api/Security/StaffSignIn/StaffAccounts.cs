using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Platform.Data;
using Platform.Domain.Staff;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>Staff sign-in accounts (Identity users with one staff role), each linked to a <see cref="StaffUser"/>.</summary>
internal sealed class StaffAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, PlatformDbContext db)
{
    /// <summary>
    /// Creates an account for <paramref name="email"/> with <paramref name="role"/>, linked to the staff member with that
    /// e-mail (created if missing), and returns its password: <paramref name="password"/>, or a generated one.
    /// </summary>
    public async Task<string> AddAsync(string email, string name, string role, string? password = null, CancellationToken ct = default)
    {
        if (!StaffRoles.All.Contains(role))
            throw new ArgumentException($"Unknown role `{role}`; expected one of {string.Join(", ", StaffRoles.All)}.", nameof(role));
        password ??= Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
        if (!await roles.RoleExistsAsync(role))
            Check(await roles.CreateAsync(new IdentityRole(role)));

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));

        var staff = await db.StaffUsers.FirstOrDefaultAsync(s => s.Email == email, ct);
        if (staff is null)
        {
            staff = new StaffUser { Email = email, Name = name, SalesRole = SalesRoleOf(role) };
            db.StaffUsers.Add(staff);
        }
        staff.IdentityUserId = user.Id;
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <summary>Locks the account (until unlocked) or unlocks it; false when there is no such account.</summary>
    public async Task<bool> SetLockedAsync(string email, bool locked)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
            return false;
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!locked)
            Check(await users.ResetAccessFailedCountAsync(user));
        return true;
    }

    /// <summary>The identity an authorization code, access and refresh token carry for <paramref name="user"/>.</summary>
    public async Task<ClaimsIdentity> IdentityOfAsync(IdentityUser user, CancellationToken ct)
    {
        var staff = await db.StaffUsers.AsNoTracking().Where(s => s.IdentityUserId == user.Id)
            .Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id);
        identity.SetClaim(Claims.Name, staff?.Name ?? user.UserName);
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(PlatformClaims.ClientKind, PlatformClaims.StaffKind);
        if (staff is not null)
            identity.SetClaim(PlatformClaims.StaffUserId, staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        return identity;
    }

    private static SalesRole SalesRoleOf(string role) => role switch
    {
        StaffRoles.HeadOfSales or StaffRoles.Admin => SalesRole.Head,
        StaffRoles.Marketer => SalesRole.Marketer,
        _ => SalesRole.Conversion,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
