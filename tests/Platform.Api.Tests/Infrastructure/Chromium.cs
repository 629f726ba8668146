using Microsoft.Playwright;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// Headless Chromium from the machine's package (<c>chromium</c>, installed by .ci/run), driven by Playwright: Playwright's
/// own browser downloads are not used. <c>PLATFORM_TEST_CHROMIUM</c> names another executable.
/// </summary>
public static class Chromium
{
    public static BrowserTypeLaunchOptions LaunchOptions()
    {
        var executable = Environment.GetEnvironmentVariable("PLATFORM_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}: install the chromium package (.ci/run does) or set PLATFORM_TEST_CHROMIUM.");
        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keeps it from calling out of a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        };
    }
}
