using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;
using Platform.Data;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>The demo manager who owns the most leads, signed in by the authorization code flow (a sign-in account is added the first time).</summary>
public static class BusiestManager
{
    private const string Password = "manager-test-password";

    /// <summary>A client calling the API as that manager, with the ids of the leads they own and of all others, in id order.</summary>
    public static async Task<(HttpClient Client, List<long> Own, List<long> Others)> SignInAsync(ApiHost api)
    {
        string email;
        List<long> own, others;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var ownerId = await db.Leads.Where(l => l.OwnerId != null).GroupBy(l => l.OwnerId).OrderByDescending(g => g.Count()).Select(g => g.Key!.Value).FirstAsync();
            email = await db.StaffUsers.Where(s => s.Id == ownerId).Select(s => s.Email).SingleAsync();
            own = await db.Leads.Where(l => l.OwnerId == ownerId).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync();
            others = await db.Leads.Where(l => l.OwnerId != ownerId).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync();
            if (await db.StaffUsers.AnyAsync(s => s.Id == ownerId && s.IdentityUserId == null))
                await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, "Demo manager", StaffRoles.Manager, Password);
        }
        var flow = new StaffSignInFlow(api);
        var tokens = await flow.SignInAsync(email, Password);
        return (flow.ApiClient((string)tokens["access_token"]!), own, others);
    }
}
