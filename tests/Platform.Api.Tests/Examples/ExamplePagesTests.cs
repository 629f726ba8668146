using Microsoft.Playwright;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Testing;

namespace Platform.Api.Tests.Examples;

/// <summary>
/// The example pages (examples/landing-page) in a real headless Chromium against the API on a loopback port, opened
/// from their files as a visitor's browser would: the form with the demo landing key (origin <c>null</c> is among its
/// allowed origins) and, for staff, the live-leads page on the graphql-transport-ws subscription.
/// </summary>
public sealed class ExamplePagesTests(LoopbackApi api) : IClassFixture<LoopbackApi>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        // A guard against a hung page on a busy machine, not a timing assert: expectations pass as soon as they hold.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        _page = await _browser.NewPageAsync();
    }

    private async Task OpenAsync(string file, string query = "")
    {
        var page = new Uri(RepositoryFiles.PathOf($"examples/landing-page/{file}"));
        await _page.GotoAsync($"{page}?api={Uri.EscapeDataString(api.Address!.ToString())}{query}");
    }

    public async Task DisposeAsync()
    {
        api.Clock.FixedAt = null;
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task ConnectAsync(string token)
    {
        await OpenAsync("live-leads.html");
        await _page.FillAsync("#token", token);
        await _page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task TheForm_SubmitsALeadWithItsCampaign()
    {
        var phone = LeadApi.NewPhone();
        api.Clock.FixedAt = DateTime.UtcNow;
        await OpenAsync("index.html", "&utm_source=google&utm_campaign=browser-test");
        await _page.FillAsync("#firstName", "Formia");
        await _page.FillAsync("#phone", phone);
        // The form token was issued when the page was shown; a person takes at least Leads:MinimumFillTime to fill in.
        api.Clock.FixedAt = api.Clock.FixedAt.Value.AddSeconds(10);
        await _page.ClickAsync("button[type=submit]");

        await Assertions.Expect(_page.Locator("#result")).ToContainTextAsync("Thank you!");
        var leads = await api.QueryAsync("query($search: String!) { leads(first: 2, filter: { search: $search }) { nodes { firstName utmSource utmCampaign } } }", new { search = phone });
        var lead = Assert.Single(leads["leads"]!["nodes"]!.AsArray())!;
        Assert.Equal(("Formia", "google", "browser-test"), ((string)lead["firstName"]!, (string)lead["utmSource"]!, (string)lead["utmCampaign"]!));
    }

    [Fact]
    public async Task ANewLead_AppearsWithItsFields_ForAStaffUser()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.HeadOfSales);
        await ConnectAsync((string)(await new StaffSignInFlow(api).SignInAsync(email, password))["access_token"]!);
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("Connected");

        // The page subscribes from the moment its subscribe message arrives, just after the ack that shows
        // "Connected": a lead saved in between is not its to show, so leads are saved until one appears.
        ILocator? row = null;
        string leadId = "";
        for (var attempt = 1; row is null; attempt++)
        {
            var lead = await api.PostAsync("mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }",
                new { input = new { firstName = "Liveria", phone = LeadApi.NewPhone() } });
            leadId = (string)lead["data"]!["submitLead"]!["lead"]!["id"]!;
            var candidate = _page.Locator($"tbody tr[data-lead='{leadId}']").Filter(new() { HasText = "lead.created" });
            try
            {
                await Assertions.Expect(candidate).ToBeVisibleAsync(new() { Timeout = 10_000 });
                row = candidate;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Liveria");
        var saved = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Lead { channel status } } }", new { id = leadId });
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync((string)saved["node"]!["channel"]!);
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync((string)saved["node"]!["status"]!);
    }

    [Fact]
    public async Task ARefusedToken_AsksForANewOne()
    {
        await ConnectAsync("not-a-token");

        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("Signed out");
        await Assertions.Expect(_page.Locator("tbody tr")).ToHaveCountAsync(0);
    }
}

/// <summary>The API on the default test database, listening on a loopback port for a browser.</summary>
public sealed class LoopbackApi() : ApiHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
{
    protected override bool ListensOnLoopback => true;
}
