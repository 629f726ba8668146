using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Security;

/// <summary>Staff sign-in through the real endpoints: authorization code + PKCE, refresh, logout, and each error.</summary>
public sealed class StaffSignInTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string LeadsQuery = "{ leads(first: 1) { totalCount } }";

    [Fact]
    public async Task Manager_SignsInCallsTheApiRefreshesAndLogsOut()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Manager, "Mara Manager");
        var flow = new StaffSignInFlow(api);

        var tokens = await flow.SignInAsync(email, password);

        var accessToken = (string)tokens["access_token"]!;
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(accessToken);
        Assert.Equal(StaffRoles.Manager, jwt.Claims.Single(c => c.Type == "role").Value);
        Assert.Equal("Mara Manager", jwt.Claims.Single(c => c.Type == "name").Value);
        Assert.NotNull(tokens["id_token"]);
        var data = await api.PostAsync(flow.ApiClient(accessToken), LeadsQuery);
        Assert.True(data["errors"] is null, data.ToJsonString());

        var (status, refreshed) = await flow.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = StaffSignInFlow.ClientId, ["refresh_token"] = (string)tokens["refresh_token"]!,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null((await api.PostAsync(flow.ApiClient((string)refreshed["access_token"]!), LeadsQuery))["errors"]);

        // Signed in: a second authorization request gets a code without the form.
        using (var again = await flow.Browser.GetAsync(flow.AuthorizeUrl()))
            Assert.Contains("code", StaffSignInFlow.RedirectParameters(again).Keys);

        using var logout = await flow.Browser.GetAsync(
            $"/connect/logout?client_id={StaffSignInFlow.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString(DemoClients.StaffToolsPostLogoutUri.ToString())}");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(DemoClients.StaffToolsPostLogoutUri, logout.Headers.Location);

        var (afterLogout, error) = await flow.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = StaffSignInFlow.ClientId, ["refresh_token"] = (string)refreshed["refresh_token"]!,
        });
        Assert.Equal(HttpStatusCode.BadRequest, afterLogout);
        Assert.Equal("invalid_grant", (string?)error["error"]);
        await flow.OpenLoginFormAsync();
    }

    [Theory]
    [InlineData(StaffRoles.Admin)]
    [InlineData(StaffRoles.HeadOfSales)]
    [InlineData(StaffRoles.Marketer)]
    public async Task EveryStaffRole_CallsTheCrm(string role)
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, role);
        var flow = new StaffSignInFlow(api);
        var tokens = await flow.SignInAsync(email, password);

        Assert.Null((await api.PostAsync(flow.ApiClient((string)tokens["access_token"]!), LeadsQuery))["errors"]);
    }

    [Fact]
    public async Task WrongPassword_ShowsTheFormAgainWithAnError()
    {
        var (email, _) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Manager);
        var flow = new StaffSignInFlow(api);

        using var response = await flow.PostLoginAsync(await flow.OpenLoginFormAsync(), email, "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The e-mail or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEmail_LooksLikeAWrongPassword()
    {
        var flow = new StaffSignInFlow(api);
        using var response = await flow.PostLoginAsync(await flow.OpenLoginFormAsync(), "nobody@staff.example", "whatever-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The e-mail or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_AccessDeniedEvenWithTheRightPassword()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Manager);
        var flow = new StaffSignInFlow(api);
        var form = await flow.OpenLoginFormAsync();
        for (var i = 1; i < StaffSignInRegistration.MaxFailedAttempts; i++)
        {
            using var wrong = await flow.PostLoginAsync(form, email, "not-the-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locking = await flow.PostLoginAsync(form, email, "not-the-password");
        using var right = await flow.PostLoginAsync(form, email, password);

        foreach (var response in new[] { locking, right })
        {
            var redirect = StaffSignInFlow.RedirectParameters(response);
            Assert.Equal("access_denied", redirect["error"]);
            Assert.Contains("locked", redirect["error_description"], StringComparison.Ordinal);
            Assert.Equal("state-42", redirect["state"]);
        }
    }

    [Fact]
    public async Task LoginPostWithoutAntiforgeryToken_IsRefused()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Manager);
        var flow = new StaffSignInFlow(api);
        var form = await flow.OpenLoginFormAsync();
        form.Remove(form.Keys.Single(k => k.StartsWith("__RequestVerificationToken", StringComparison.Ordinal)));

        using var response = await flow.PostLoginAsync(form, email, password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownClient_IsAnOAuthErrorShownByTheServerNotARedirect()
    {
        var flow = new StaffSignInFlow(api);
        using var response = await flow.Browser.GetAsync(flow.AuthorizeUrl(new Dictionary<string, string?> { ["client_id"] = "no-such-client" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The specified 'client_id' is invalid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task WrongRedirectUri_IsAnOAuthErrorShownByTheServerNotARedirect()
    {
        var flow = new StaffSignInFlow(api);
        using var response = await flow.Browser.GetAsync(flow.AuthorizeUrl(new Dictionary<string, string?> { ["redirect_uri"] = "https://attacker.example/cb" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error:invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(null, "The mandatory 'code_challenge' parameter is missing.")]
    [InlineData("plain", "The specified 'code_challenge_method' is not supported.")]
    public async Task WithoutS256Pkce_TheRequestIsRefused(string? method, string description)
    {
        var flow = new StaffSignInFlow(api);
        var overrides = method is null
            ? new Dictionary<string, string?> { ["code_challenge"] = null, ["code_challenge_method"] = null }
            : new Dictionary<string, string?> { ["code_challenge"] = flow.Verifier, ["code_challenge_method"] = method };

        using var response = await flow.Browser.GetAsync(flow.AuthorizeUrl(overrides));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("error:invalid_request", body, StringComparison.Ordinal);
        Assert.Contains(description, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeWithAWrongVerifier_IsInvalidGrant()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Manager);
        var flow = new StaffSignInFlow(api);
        using var login = await flow.PostLoginAsync(await flow.OpenLoginFormAsync(), email, password);
        var code = StaffSignInFlow.RedirectParameters(login)["code"];

        var (status, body) = await flow.TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = StaffSignInFlow.ClientId, ["redirect_uri"] = StaffSignInFlow.RedirectUri,
            ["code"] = code, ["code_verifier"] = new StaffSignInFlow(api).Verifier,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
    }

    [Fact]
    public async Task LockedAccount_CannotRefresh()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Manager);
        var flow = new StaffSignInFlow(api);
        var tokens = await flow.SignInAsync(email, password);
        await using (var scope = api.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetLockedAsync(email, locked: true));

        var (status, body) = await flow.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = StaffSignInFlow.ClientId, ["refresh_token"] = (string)tokens["refresh_token"]!,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
    }

    [Fact]
    public async Task AdminLock_RefusesSignIn_UnlockAllowsItAgain()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Marketer);
        await SetLockedAsync(email, locked: true);
        var flow = new StaffSignInFlow(api);

        using (var locked = await flow.PostLoginAsync(await flow.OpenLoginFormAsync(), email, password))
            Assert.Equal("access_denied", StaffSignInFlow.RedirectParameters(locked)["error"]);

        await SetLockedAsync(email, locked: false);
        Assert.NotNull((await flow.SignInAsync(email, password))["access_token"]);
    }

    private async Task SetLockedAsync(string email, bool locked)
    {
        await using var scope = api.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetLockedAsync(email, locked));
    }
}
