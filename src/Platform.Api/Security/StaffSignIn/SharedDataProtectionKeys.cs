using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Platform.Api.Redis;
using StackExchange.Redis;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// The keys that protect the login cookie and the login form's antiforgery token. Nodes behind one load balancer must
/// share them, since a sign-in started on one node may post its form to another: with Redis configured they are kept
/// there (a node that starts while Redis is down cannot sign staff in until it answers; one that has read them keeps
/// them in memory), else <c>DataProtection:KeysDirectory</c> names a folder they all reach. With neither, ASP.NET Core
/// keeps keys per machine, which suits a single node.
/// </summary>
internal static class SharedDataProtectionKeys
{
    public const string KeysDirectory = "DataProtection:KeysDirectory";

    private static readonly RedisKey RedisKey = RedisLink.Prefix + "data-protection-keys";

    public static IServiceCollection AddSharedDataProtectionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(RedisOptions.Section).Get<RedisOptions>()?.Configuration is { Length: > 0 })
        {
            services.AddDataProtection().SetApplicationName("Platform");
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKey));
        }
        else if (configuration[KeysDirectory] is { Length: > 0 } directory)
            services.AddDataProtection().SetApplicationName("Platform").PersistKeysToFileSystem(new DirectoryInfo(directory));
        return services;
    }
}
