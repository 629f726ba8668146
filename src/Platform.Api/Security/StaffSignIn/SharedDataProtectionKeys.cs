using Microsoft.AspNetCore.DataProtection;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// The keys that protect the login cookie and the login form's antiforgery token. Nodes behind one load balancer must
/// share them, since a sign-in started on one node may post its form to another: <c>DataProtection:KeysDirectory</c>
/// names a folder they all reach. Unset, ASP.NET Core keeps keys per machine, which suits a single node.
/// </summary>
internal static class SharedDataProtectionKeys
{
    public const string KeysDirectory = "DataProtection:KeysDirectory";

    public static IServiceCollection AddSharedDataProtectionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[KeysDirectory] is { Length: > 0 } directory)
            services.AddDataProtection().SetApplicationName("Platform").PersistKeysToFileSystem(new DirectoryInfo(directory));
        return services;
    }
}
