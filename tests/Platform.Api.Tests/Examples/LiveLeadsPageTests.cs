using Microsoft.Playwright;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Testing;

namespace Platform.Api.Tests.Examples;

/// <summary>
/// The example live-leads page (examples/landing-page/live-leads.html) in a real headless Chromium against the API on a
/// loopback port: a staff user's token, the graphql-transport-ws subscription, and the lead's fields read over the same
/// socket.
/// </summary>
public sealed class LiveLeadsPageTests(LoopbackApi api) : IClassFixture<LoopbackApi>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        _page = await _browser.NewPageAsync();
        var page = new Uri(RepositoryFiles.PathOf("examples/landing-page/live-leads.html"));
        await _page.GotoAsync($"{page}?api={Uri.EscapeDataString(api.Address!.ToString())}");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task ConnectAsync(string token)
    {
        await _page.FillAsync("#token", token);
        await _page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task ANewLead_AppearsWithItsFields_ForAStaffUser()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.HeadOfSales);
        await ConnectAsync((string)(await new StaffSignInFlow(api).SignInAsync(email, password))["access_token"]!);
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("Connected");

        var lead = await api.PostAsync("mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }",
            new { input = new { firstName = "Liveria", phone = LeadApi.NewPhone() } });
        var leadId = (string)lead["data"]!["submitLead"]!["lead"]!["id"]!;

        var row = _page.Locator($"tbody tr[data-lead='{leadId}']").Filter(new() { HasText = "lead.created" });
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
