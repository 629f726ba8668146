using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// README's "Running in production", step by step, on the built API run as its own process on PostgreSQL with exactly
/// the settings the README lists (keys from the environment, HTTPS from Kestrel and a forwarded-headers port, a shared
/// data protection folder, a local spool): migrate, the first admin and staff tool, the first clients and landing key,
/// then the nodes serve what they created and nothing of the demo.
/// </summary>
public sealed class ProductionSetupTests : IAsyncLifetime
{
    private const string RedirectUri = "https://crm.example.com/oauth/callback";
    private const string WebsiteOrigin = "https://www.example.com";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"platform-production-{Guid.NewGuid():N}");
    private X509Certificate2 _certificate = null!;
    private ApiProcess _api = null!;
    private Uri _https = null!;
    private Uri _behindProxy = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var certificatePath = Path.Combine(_folder, "tls.pfx");
        _certificate = SelfSignedCertificate();
        await File.WriteAllBytesAsync(certificatePath, _certificate.Export(X509ContentType.Pfx, "tls-password"));
        _api = new ApiProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = await PostgresServer.CreateDatabaseAsync("production_setup"),
            ["OAuth__SigningKeyPem"] = PrivateKeyPem(),
            ["OAuth__EncryptionKeyPem"] = PrivateKeyPem(),
            ["Leads__Spool__Path"] = Path.Combine(_folder, "lead-spool.db"),
            ["DataProtection__KeysDirectory"] = Path.Combine(_folder, "keys"),
            ["ASPNETCORE_Kestrel__Certificates__Default__Path"] = certificatePath,
            ["ASPNETCORE_Kestrel__Certificates__Default__Password"] = "tls-password",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        });
        _https = new Uri($"https://127.0.0.1:{ApiProcess.FreePort()}");
        _behindProxy = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EmptyServer_ToAWorkingDeployment_AsTheReadmeSays()
    {
        // 4. Migrate.
        var migrate = await RunAsync("migrate");
        Assert.Contains("Applying", migrate);

        // 5. The first admin and the tool staff sign in with.
        var password = Field("password", await RunAsync("users", "add", "--email", "admin@example.com", "--name", "Ada Admin", "--role", "admin"));
        await RunAsync("clients", "add", "--kind", "staff-tool", "--id", "crm-web", "--redirect-uri", RedirectUri);

        // 6. The first clients and landing key.
        var integrationSecret = Field("client_secret", await RunAsync("clients", "add", "--kind", "integration", "--id", "crm-sync"));
        var biSecret = Field("client_secret", await RunAsync("clients", "add", "--kind", "bi", "--id", "reports"));
        var landingKey = Field("landing key", await RunAsync("landing-keys", "add", "--name", "Website", "--landing-page", "website", "--origins", WebsiteOrigin));

        // 7. Start.
        await _api.StartAsync(_https, _behindProxy);
        using var browser = Browser(_https);
        using var ready = await browser.GetAsync("/health/ready");
        Assert.Equal("Healthy", (string?)JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["status"]);

        // HTTPS from Kestrel; behind the proxy, only what the proxy says came over HTTPS.
        var integration = await ClientTokenAsync(browser, "crm-sync", integrationSecret);
        using (var proxied = Browser(_behindProxy))
        {
            var (plain, plainBody) = await TokenRequestAsync(proxied, "crm-sync", integrationSecret);
            Assert.Equal(HttpStatusCode.BadRequest, plain);
            Assert.Contains("HTTPS", plainBody, StringComparison.OrdinalIgnoreCase);
            proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            Assert.Equal(HttpStatusCode.OK, (await TokenRequestAsync(proxied, "crm-sync", integrationSecret)).Status);
        }

        // Nothing of the demo: no leads, no demo clients, no demo landing key, no GraphiQL, no anonymous introspection.
        var leads = await GraphQLAsync(browser, integration, "{ leads(first: 1) { totalCount } partners { totalCount } }");
        Assert.Equal(0, (int)leads["data"]!["leads"]!["totalCount"]!);
        Assert.Equal(0, (int)leads["data"]!["partners"]!["totalCount"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenRequestAsync(browser, DemoClients.Integration, DemoClients.SecretOf(DemoClients.Integration))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LandingPostAsync(browser, DemoDataset.DemoLandingKey)).StatusCode);
        using (var page = new HttpRequestMessage(HttpMethod.Get, "/graphql"))
        {
            page.Headers.Accept.ParseAdd("text/html");
            using var answer = await browser.SendAsync(page);
            Assert.NotEqual("text/html", answer.Content.Headers.ContentType?.MediaType);
        }
        using (var introspection = await browser.PostAsJsonAsync("/graphql", new { query = "{ __schema { types { name } } }" }))
            Assert.Equal(HttpStatusCode.Unauthorized, introspection.StatusCode);

        // The admin signs in through the staff tool (authorization code + PKCE) and creates a partner; the plain
        // integration may not.
        var admin = await SignInAsync(browser, "admin@example.com", password);
        const string CreatePartner = """
            mutation { createPartner(input: { name: "Acme Agency", type: AD_AGENCY, apiClientId: "partner-acme" }) { partner { id } errors { ... on Error { code } } } }
            """;
        Assert.Equal("ACCESS_DENIED", (string?)(await GraphQLAsync(browser, integration, CreatePartner))["errors"]![0]!["extensions"]!["code"]);
        var partnerId = (string)(await GraphQLAsync(browser, admin, CreatePartner))["data"]!["createPartner"]!["partner"]!["id"]!;

        // The partner's client, by the ID the API showed; its token sees its partner.
        var partnerSecret = Field("client_secret", await RunAsync("clients", "add", "--kind", "partner", "--partner", partnerId, "--id", "partner-acme"));
        var partner = await ClientTokenAsync(browser, "partner-acme", partnerSecret);
        Assert.Equal("Acme Agency", (string?)(await GraphQLAsync(browser, partner, "{ me { partner { name } } }"))["data"]!["me"]!["partner"]!["name"]);

        // BI reads KPIs and nothing else.
        var bi = await ClientTokenAsync(browser, "reports", biSecret);
        var kpi = await GraphQLAsync(browser, bi, """{ leadFunnelKpi(range: { from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { leads } }""");
        Assert.Null(kpi["errors"]);
        Assert.Equal("ACCESS_DENIED", (string?)(await GraphQLAsync(browser, bi, "{ leads(first: 1) { totalCount } }"))["errors"]![0]!["extensions"]!["code"]);

        // The new landing key works from its website's origin: the page gets a form token when it shows the form. A
        // post faster than a person fills a form is spam and counted (the accepted post after the fill time is tested
        // in-process, on the test clock).
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/forms/token");
        tokenRequest.Headers.Add("X-Landing-Key", landingKey);
        tokenRequest.Headers.Add("Origin", WebsiteOrigin);
        using var tokenResponse = await browser.SendAsync(tokenRequest);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var formToken = (string)JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["formToken"]!;
        using var form = await LandingPostAsync(browser, landingKey, formToken);
        var submitted = JsonNode.Parse(await form.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("SPAM_REJECTED", (string?)submitted["data"]!["submitLead"]!["errors"]![0]!["code"]);
        var since = DateTime.UtcNow.AddHours(-1).ToString("O");
        var rejected = await GraphQLAsync(browser, integration, $$"""{ rejectedSubmissionCount(since: "{{since}}") }""");
        Assert.Equal(1, (int)rejected["data"]!["rejectedSubmissionCount"]!);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var (exitCode, output, error) = await _api.RunAsync(args);
        Assert.True(exitCode == 0, $"`{string.Join(' ', args)}` exited with {exitCode}:\n{output}\n{error}");
        return output;
    }

    /// <summary>The value of a <c>name: value</c> line a command printed.</summary>
    private static string Field(string name, string output)
    {
        var match = Regex.Match(output, $@"^{Regex.Escape(name)}:\s*(\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"No `{name}:` in:\n{output}");
        return match.Groups[1].Value;
    }

    /// <summary>A client of <paramref name="address"/> that trusts the test's certificate, keeps cookies and follows no redirects.</summary>
    private HttpClient Browser(Uri address) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
    })
    {
        BaseAddress = address,
    };

    private static async Task<(HttpStatusCode Status, string Body)> TokenRequestAsync(HttpClient http, string clientId, string secret)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ClientTokenAsync(HttpClient http, string clientId, string secret)
    {
        var (status, body) = await TokenRequestAsync(http, clientId, secret);
        Assert.True(status == HttpStatusCode.OK, $"Token of {clientId}: {(int)status} {body}");
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    /// <summary>A person signing in through the <c>crm-web</c> staff tool: authorize with PKCE, the login form, the code exchange.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, string email, string password) =>
        (string)(await new StaffSignInFlow(browser, "crm-web", RedirectUri).SignInAsync(email, password))["access_token"]!;

    private static async Task<JsonObject> GraphQLAsync(HttpClient http, string accessToken, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>A landing page's form post with <paramref name="landingKey"/> from the website's origin.</summary>
    private static async Task<HttpResponseMessage> LandingPostAsync(HttpClient http, string landingKey, string? formToken = null)
    {
        const string Submit = """
            mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { status } errors { ... on Error { code } } } }
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Submit, variables = new { input = new { firstName = "Olga", phone = "+7 912 345-67-89", channel = "website", formToken } } }),
        };
        request.Headers.Add("X-Landing-Key", landingKey);
        request.Headers.Add("Origin", WebsiteOrigin);
        return await http.SendAsync(request);
    }

    /// <summary>A private key as <c>openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048</c> writes it.</summary>
    private static string PrivateKeyPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
