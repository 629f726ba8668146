using Microsoft.AspNetCore.Identity;
using Platform.Data;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// Staff sign-in: ASP.NET Core Identity accounts (no Identity cookies of its own) and the login cookie that remembers a
/// signed-in person at the authorization endpoint only. The API itself accepts only bearer tokens, so the cookie never
/// authorizes a GraphQL request (no CSRF).
/// </summary>
internal static class StaffSignInRegistration
{
    /// <summary>Failed passwords in a row that lock an account.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services)
    {
        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                // Length over composition rules (NIST SP 800-63B); generated passwords are 24 random characters.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager();
        services.AddAuthentication().AddCookie(LoginCookie.Scheme, cookie =>
        {
            cookie.Cookie.Name = "platform.login";
            cookie.Cookie.Path = "/connect";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = false;
        });
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.Path = "/connect");
        services.AddScoped<StaffAccounts>();
        return services;
    }
}

/// <summary>The cookie scheme of a person signed in at the authorization endpoint.</summary>
internal static class LoginCookie
{
    public const string Scheme = "StaffLogin";
}
