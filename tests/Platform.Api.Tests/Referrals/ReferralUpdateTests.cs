using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Referrals;

/// <summary>Staff change partners and programs: validated like creation, versioned, and attribution follows the change.</summary>
public abstract class ReferralUpdateTests<THost>(THost api) where THost : ApiHost
{
    private const string Errors = "errors { __typename ... on Error { code message } ... on ValidationError { field } ... on ConflictError { currentVersion } }";

    private const string PartnerFields = "partner { id version name type regions contactEmail isActive }";

    private const string ProgramFields = "program { id version name description rewardValue capPerReferral { amount } attributionWindowDays holdingPeriodDays activeTo isActive openToAllPartners }";

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, object input, string result) =>
        (await api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {result} {Errors} }} }}", new { input }))[mutation]!;

    private static JsonNode Ok(JsonNode payload)
    {
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    private async Task<JsonNode> PartnerAsync() =>
        Ok(await MutateAsync("createPartner", "CreatePartnerInput", new { name = $"Agency {Guid.NewGuid():N}"[..20], type = "AD_AGENCY" }, PartnerFields))["partner"]!;

    private async Task<JsonNode> ProgramAsync(object? eligiblePartnerIds = null) =>
        Ok(await MutateAsync("createReferralProgram", "CreateReferralProgramInput",
            new { name = "Agency bonus", rewardType = "FIXED_AMOUNT", rewardValue = 100_00, activeFrom = ApiHost.SeedTime.AddYears(-1), eligiblePartnerIds },
            ProgramFields))["program"]!;

    private Task<JsonNode> UpdatePartnerAsync(object input) => MutateAsync("updatePartner", "UpdatePartnerInput", input, PartnerFields);

    private Task<JsonNode> UpdateProgramAsync(object input) => MutateAsync("updateReferralProgram", "UpdateReferralProgramInput", input, ProgramFields);

    private async Task<string> CodeAsync(string programId, string partnerId)
    {
        var code = $"U-{Guid.NewGuid():N}"[..20];
        Ok(await MutateAsync("createReferralCode", "CreateReferralCodeInput", new { code, programId, partnerId }, "referralCode { id }"));
        return code;
    }

    private async Task<JsonNode> SubmitAsync(string code)
    {
        var result = await api.QueryAsync("mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { origin } warnings { ... on ValidationError { field message } } errors { __typename } } }",
            new { input = new { firstName = "Olga", phone = LeadApi.NewPhone(), referralCode = code } });
        return Ok(result["submitLead"]!);
    }

    [Fact]
    public async Task UpdatePartner_ChangesTheGivenFields_AndBumpsTheVersion()
    {
        var partner = await PartnerAsync();

        var updated = Ok(await UpdatePartnerAsync(new { partnerId = (string)partner["id"]!, name = " Renamed ", type = "DEALER", regions = new[] { "North", " South " }, contactEmail = "desk@example.com", expectedVersion = (int)partner["version"]! }))["partner"]!;

        Assert.Equal(("Renamed", "DEALER", "desk@example.com", true), ((string)updated["name"]!, (string)updated["type"]!, (string)updated["contactEmail"]!, (bool)updated["isActive"]!));
        Assert.Equal(["North", "South"], updated["regions"]!.AsArray().Select(r => (string)r!));
        Assert.Equal((int)partner["version"]! + 1, (int)updated["version"]!);
    }

    [Theory]
    [InlineData("name", "  ")]
    [InlineData("regions", "North,South")]
    public async Task UpdatePartner_RefusesABadField(string field, string value)
    {
        var partner = await PartnerAsync();
        object input = field == "name" ? new { partnerId = (string)partner["id"]!, name = value } : new { partnerId = (string)partner["id"]!, regions = new[] { value } };

        var payload = await UpdatePartnerAsync(input);

        Assert.Equal(field, (string)payload["errors"]![0]!["field"]!);
        Assert.Null(payload["partner"]);
    }

    [Fact]
    public async Task DeactivatedPartner_ItsCodeWarnsLikeARevokedOne_AndAttributesNothing()
    {
        var partner = await PartnerAsync();
        var code = await CodeAsync((string)(await ProgramAsync())["id"]!, (string)partner["id"]!);

        Assert.False((bool)Ok(await UpdatePartnerAsync(new { partnerId = (string)partner["id"]!, isActive = false }))["partner"]!["isActive"]!);

        var submitted = await SubmitAsync(code);
        Assert.Equal("NET", (string)submitted["lead"]!["origin"]!);
        Assert.Equal("referralCode", (string)submitted["warnings"]![0]!["field"]!);
        Assert.Contains("was revoked", (string)submitted["warnings"]![0]!["message"]!);
    }

    [Fact]
    public async Task UpdateReferralProgram_ChangesTheTerms()
    {
        var program = await ProgramAsync();

        var updated = Ok(await UpdateProgramAsync(new
        {
            programId = (string)program["id"]!, name = "Agency bonus 2027", description = "Paid quarterly", rewardValue = 200_00, capPerReferralMinor = 150_00,
            attributionWindowDays = 60, holdingPeriodDays = 14, activeTo = ApiHost.SeedTime.AddYears(1), isActive = false, expectedVersion = (int)program["version"]!,
        }))["program"]!;

        Assert.Equal(("Agency bonus 2027", "Paid quarterly", 200_00L, 150_00L), ((string)updated["name"]!, (string)updated["description"]!, (long)updated["rewardValue"]!, (long)updated["capPerReferral"]!["amount"]!));
        Assert.Equal((60, 14, false), ((int)updated["attributionWindowDays"]!, (int)updated["holdingPeriodDays"]!, (bool)updated["isActive"]!));
        Assert.NotNull(updated["activeTo"]);
        Assert.Equal((int)program["version"]! + 1, (int)updated["version"]!);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("rewardValue")]
    [InlineData("capPerReferralMinor")]
    [InlineData("attributionWindowDays")]
    [InlineData("holdingPeriodDays")]
    [InlineData("activeTo")]
    [InlineData("eligiblePartnerIds")]
    public async Task UpdateReferralProgram_RefusesABadField_AndChangesNothing(string field)
    {
        var program = await ProgramAsync();
        var id = (string)program["id"]!;
        object input = field switch
        {
            "name" => new { programId = id, name = " " },
            "rewardValue" => new { programId = id, rewardValue = -1 },
            "capPerReferralMinor" => new { programId = id, capPerReferralMinor = -1 },
            "attributionWindowDays" => new { programId = id, attributionWindowDays = 0 },
            "holdingPeriodDays" => new { programId = id, holdingPeriodDays = -1 },
            "activeTo" => new { programId = id, activeTo = ApiHost.SeedTime.AddYears(-2) } as object,
            _ => new { programId = id, eligiblePartnerIds = new[] { (string)(await PartnerAsync())["id"]!, MissingPartner } },
        };

        var payload = await UpdateProgramAsync(input);

        Assert.Equal(field, (string)payload["errors"]![0]!["field"]!);
        Assert.Equal((int)program["version"]!, await ProgramVersionAsync(id));
    }

    [Fact]
    public async Task UpdateReferralProgram_ExplicitNull_ClearsTheCapAndTheEndDate_OmittingKeepsThem()
    {
        var program = await ProgramAsync();
        var id = (string)program["id"]!;
        Ok(await UpdateProgramAsync(new { programId = id, capPerReferralMinor = 150_00, activeTo = ApiHost.SeedTime.AddYears(1) }));

        var kept = Ok(await UpdateProgramAsync(new { programId = id, name = "Renamed" }))["program"]!;
        Assert.Equal(150_00L, (long)kept["capPerReferral"]!["amount"]!);
        Assert.NotNull(kept["activeTo"]);

        var cleared = Ok(await UpdateProgramAsync(new { programId = id, capPerReferralMinor = (long?)null, activeTo = (DateTime?)null }))["program"]!;
        Assert.Null(cleared["capPerReferral"]);
        Assert.Null(cleared["activeTo"]);
        Assert.Equal("Renamed", (string)cleared["name"]!);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("rewardValue")]
    [InlineData("holdingPeriodDays")]
    [InlineData("eligiblePartnerIds")]
    public async Task UpdateReferralProgram_ExplicitNull_OfAFieldThatCannotBeCleared_IsRefused(string field)
    {
        var program = await ProgramAsync();
        var id = (string)program["id"]!;
        var input = new Dictionary<string, object?> { ["programId"] = id, [field] = null };

        var payload = await UpdateProgramAsync(input);

        Assert.Equal(field, (string)payload["errors"]![0]!["field"]!);
        Assert.Contains("cannot be cleared", (string)payload["errors"]![0]!["message"]!);
        Assert.Equal((int)program["version"]!, await ProgramVersionAsync(id));
    }

    [Fact]
    public async Task Updates_OfAMissingRecord_AreNotFound()
    {
        Assert.Equal("NOT_FOUND", (string)(await UpdatePartnerAsync(new { partnerId = MissingPartner, name = "X" }))["errors"]![0]!["code"]!);
        Assert.Equal("NOT_FOUND", (string)(await UpdateProgramAsync(new { programId = GlobalId.Encode("ReferralProgram", 987_654_321), name = "X" }))["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task StaleVersion_IsAConflict_AndChangesNothing()
    {
        var partner = await PartnerAsync();
        var program = await ProgramAsync();
        Ok(await UpdatePartnerAsync(new { partnerId = (string)partner["id"]!, contactEmail = "a@example.com" }));
        Ok(await UpdateProgramAsync(new { programId = (string)program["id"]!, rewardValue = 1 }));

        var partnerConflict = await UpdatePartnerAsync(new { partnerId = (string)partner["id"]!, name = "Stale", expectedVersion = (int)partner["version"]! });
        var programConflict = await UpdateProgramAsync(new { programId = (string)program["id"]!, name = "Stale", eligiblePartnerIds = new[] { (string)partner["id"]! }, expectedVersion = (int)program["version"]! });

        Assert.Equal(("CONFLICT", 2), ((string)partnerConflict["errors"]![0]!["code"]!, (int)partnerConflict["errors"]![0]!["currentVersion"]!));
        Assert.Equal(("CONFLICT", 2), ((string)programConflict["errors"]![0]!["code"]!, (int)programConflict["errors"]![0]!["currentVersion"]!));
        var now = (await api.QueryAsync("query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Partner { name } } b: node(id: $b) { ... on ReferralProgram { name openToAllPartners } } }",
            new { a = (string)partner["id"]!, b = (string)program["id"]! }))!;
        Assert.Equal((string)partner["name"]!, (string)now["a"]!["name"]!);
        Assert.Equal(("Agency bonus", true), ((string)now["b"]!["name"]!, (bool)now["b"]!["openToAllPartners"]!));
    }

    [Fact]
    public async Task ProgramNarrowedToOtherPartners_RefusesThisPartnersCode()
    {
        var partner = await PartnerAsync();
        var other = await PartnerAsync();
        var program = await ProgramAsync();
        var code = await CodeAsync((string)program["id"]!, (string)partner["id"]!);

        var narrowed = Ok(await UpdateProgramAsync(new { programId = (string)program["id"]!, eligiblePartnerIds = new[] { (string)other["id"]! } }))["program"]!;
        Assert.False((bool)narrowed["openToAllPartners"]!);

        var submitted = await SubmitAsync(code);
        Assert.Equal("NET", (string)submitted["lead"]!["origin"]!);
        Assert.Contains("not eligible", (string)submitted["warnings"]![0]!["message"]!);

        Assert.True((bool)Ok(await UpdateProgramAsync(new { programId = (string)program["id"]!, eligiblePartnerIds = Array.Empty<string>() }))["program"]!["openToAllPartners"]!);
        Assert.Equal("SEED", (string)(await SubmitAsync(code))["lead"]!["origin"]!);
    }

    private async Task<int> ProgramVersionAsync(string id) =>
        (int)(await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on ReferralProgram { version } } }", new { id }))["node"]!["version"]!;

    private static readonly string MissingPartner = GlobalId.Encode("Partner", 987_654_321);
}

public sealed class DefaultReferralUpdateTests(DefaultApi api) : ReferralUpdateTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresReferralUpdateTests(PostgresApi api) : ReferralUpdateTests<PostgresApi>(api), IClassFixture<PostgresApi>;
