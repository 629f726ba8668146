using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;

namespace Platform.Api.Tests.Privacy;

/// <summary>personDataExport: one JSON document with the person's leads, evidence and activities; admins only; audited.</summary>
public abstract class PersonDataExportTests<THost>(THost api) where THost : ApiHost
{
    private const string Query = "query($email: String, $phone: String) { personDataExport(email: $email, phone: $phone) }";

    [Fact]
    public async Task Export_HoldsThePersonsLeads_WithTheirConsentEvidenceAndActivities_AndIsAudited()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var textId = await PrivacyApi.AddConsentTextAsync(api, admin, "Newsletter, monthly.");
        var email = $"export-{Guid.NewGuid():N}@example.com";
        var form = api.LandingForm(("email", email), ("message", "About my order"), ("marketingConsent", true), ("consentTextId", textId));
        await PrivacyApi.SubmitFromBrowserAsync(api, form, "Mozilla/5.0 (export)");
        await PrivacyApi.SubmitFromBrowserAsync(api, api.LandingForm(("phone", form["phone"]), ("message", "Second visit")), "Mozilla/5.0 (export)");

        var result = await api.PostAsync(admin, Query, new { email = email.ToUpperInvariant() });

        Assert.True(result["errors"] is null, result.ToJsonString());
        var document = JsonNode.Parse((string)result["data"]!["personDataExport"]!)!;
        Assert.Equal(email, (string)document["person"]!["email"]!);
        var lead = Assert.Single(document["leads"]!.AsArray())!;
        Assert.Equal(("About my order", LeadApi.E164(form)), ((string)lead["message"]!, (string)lead["phone"]!));
        Assert.Equal(["Newsletter, monthly.", null], lead["consents"]!.AsArray().Select(c => (string?)c!["consentText"]));
        Assert.All(lead["consents"]!.AsArray(), c => Assert.Equal("Mozilla/5.0 (export)", (string)c!["userAgent"]!));
        Assert.Contains("Second visit", lead["activities"]!.AsArray().Select(a => (string?)a!["result"]));
        // Enums by their GraphQL names, as `leads` and `Activity` read them.
        var listed = await api.PostAsync(admin, "query($id: ID!) { node(id: $id) { ... on Lead { status } } }", new { id = (string)lead["id"]! });
        Assert.Equal((string)listed["data"]!["node"]!["status"]!, (string)lead["status"]!);
        Assert.All(lead["activities"]!.AsArray(), a => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", (string)a!["type"]!));
        await using var scope = api.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditLog.Where(e => e.Operation == "personDataExport").OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((string)lead["id"]!, entry.TargetIds);
        Assert.NotNull(entry.Actor);
    }

    [Fact]
    public async Task Export_OfAnUnknownPerson_IsAnEmptyDocument()
    {
        var result = await api.PostAsync(await PrivacyApi.StaffAsync(api), Query, new { phone = LeadApi.NewPhone() });

        var document = JsonNode.Parse((string)result["data"]!["personDataExport"]!)!;
        Assert.Empty(document["leads"]!.AsArray());
        Assert.Empty(document["contacts"]!.AsArray());
    }

    [Fact]
    public async Task Export_WithAnInvalidPhone_IsAnInvalidArgumentError()
    {
        var result = await api.PostAsync(await PrivacyApi.StaffAsync(api), Query, new { phone = "12" });

        Assert.Equal("INVALID_ARGUMENT", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }

    [Theory]
    [InlineData(StaffRoles.HeadOfSales)]
    [InlineData(StaffRoles.Marketer)]
    public async Task Export_ByAnyoneButAnAdmin_IsDenied(string role)
    {
        var result = await api.PostAsync(await PrivacyApi.StaffAsync(api, role), Query, new { phone = LeadApi.NewPhone() });

        Assert.Null(result["data"]);
        Assert.Equal("ACCESS_DENIED", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}

public sealed class DefaultPersonDataExportTests(DefaultApi api) : PersonDataExportTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresPersonDataExportTests(PostgresApi api) : PersonDataExportTests<PostgresApi>(api), IClassFixture<PostgresApi>;
