using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;
using Platform.DemoData;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// A staff user signing in like a browser through the demo staff-tools client: authorize request with PKCE (S256), the
/// login form with its antiforgery token, the redirect with the code, and the code exchange at the token endpoint.
/// Another staff tool's client and redirect URI can be given, with the browser of an API running elsewhere.
/// </summary>
public sealed partial class StaffSignInFlow(HttpClient browser, string clientId, string redirectUri)
{
    public const string ClientId = DemoClients.StaffTools;
    public static readonly string RedirectUri = DemoClients.StaffToolsRedirectUri.ToString();

    private readonly ApiHost? _api;

    public StaffSignInFlow(ApiHost api) : this(api.CreateBrowser(), ClientId, RedirectUri) => _api = api;

    /// <summary>The browser: keeps the login and antiforgery cookies.</summary>
    public HttpClient Browser { get; } = browser;

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>Creates a sign-in account with <paramref name="role"/> and returns its e-mail and password.</summary>
    public static async Task<(string Email, string Password)> AddUserAsync(ApiHost api, string role, string? name = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@staff.example";
        await using var scope = api.Services.CreateAsyncScope();
        var password = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, name ?? $"Test {role}", role);
        return (email, password);
    }

    /// <summary>The authorize URL of the staff-tools client with this flow's code challenge; <paramref name="overrides"/> replace parameters (null removes).</summary>
    public string AuthorizeUrl(IDictionary<string, string?>? overrides = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid offline_access",
            ["state"] = "state-42",
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            parameters[key] = value;
        return QueryHelpers.AddQueryString("/connect/authorize", parameters.Where(p => p.Value is not null)!);
    }

    /// <summary>GETs the authorize URL and expects the login form; returns its fields (hidden ones filled in).</summary>
    public async Task<Dictionary<string, string>> OpenLoginFormAsync(string? url = null)
    {
        using var response = await Browser.GetAsync(url ?? AuthorizeUrl());
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the login form ({(int)response.StatusCode}): {html}");
        return HiddenFields(html);
    }

    /// <summary>Posts the login form with the credentials.</summary>
    public Task<HttpResponseMessage> PostLoginAsync(Dictionary<string, string> form, string email, string password)
    {
        var fields = new Dictionary<string, string>(form) { [LoginPage.EmailField] = email, [LoginPage.PasswordField] = password };
        return Browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
    }

    /// <summary>The parameters of a redirect to the client (code and state, or error).</summary>
    public static Dictionary<string, string> RedirectParameters(HttpResponseMessage response, string? redirectUri = null)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(redirectUri ?? RedirectUri, location, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Signs in through the whole flow and returns the token response (access, refresh and identity token).</summary>
    public async Task<JsonObject> SignInAsync(string email, string password)
    {
        using var login = await PostLoginAsync(await OpenLoginFormAsync(), email, password);
        var redirect = RedirectParameters(login, redirectUri);
        Assert.Equal("state-42", redirect["state"]);
        return await ExchangeAsync(redirect["code"], Verifier);
    }

    /// <summary>Exchanges a code for tokens; must succeed.</summary>
    public async Task<JsonObject> ExchangeAsync(string code, string verifier)
    {
        var (status, body) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["code"] = code, ["code_verifier"] = verifier,
        });
        Assert.True(status == HttpStatusCode.OK, $"Code exchange failed ({(int)status}): {body}");
        return body;
    }

    /// <summary>POSTs to the token endpoint and returns the status and JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await Browser.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>A client calling the API with <paramref name="accessToken"/>.</summary>
    public HttpClient ApiClient(string accessToken)
    {
        var client = (_api ?? throw new InvalidOperationException("Only a flow on an in-process API host creates API clients.")).CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex HiddenInput();
}
