using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Referrals;

/// <summary>Staff manage programs and codes (several per referrer, revocable; clients refer friends); codes attribute or warn.</summary>
public abstract class ReferralAdministrationTests<THost>(THost api) where THost : ApiHost
{
    private const string Bright = "partner-bright-ads";

    private const string Submit = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id origin } warnings { ... on ValidationError { field message } } errors { __typename } } }
        """;

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, object input, string result) =>
        (await api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {result} errors {{ __typename ... on Error {{ message }} ... on ValidationError {{ field }} }} }} }}", new { input }))[mutation]!;

    private static JsonNode Ok(JsonNode payload)
    {
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    private async Task<string> ProgramAsync() =>
        (string)Ok(await MutateAsync("createReferralProgram", "CreateReferralProgramInput",
            new { name = "Integrator bonus", rewardType = "FIXED_AMOUNT", rewardValue = 150_00, activeFrom = ApiHost.SeedTime.AddYears(-1) },
            "program { id attributionWindowDays holdingPeriodDays }"))["program"]!["id"]!;

    private async Task<string> CodeAsync(string programId, string? partnerId = null, string? referrerClientId = null)
    {
        var code = $"T-{Guid.NewGuid():N}"[..20];
        Ok(await MutateAsync("createReferralCode", "CreateReferralCodeInput", new { code, programId, partnerId, referrerClientId }, "referralCode { id code }"));
        return code;
    }

    private async Task<string> BrightIdAsync() =>
        (string)(await api.QueryAsync("{ partners(first: 10) { nodes { id name } } }"))["partners"]!["nodes"]!.AsArray().Single(p => (string)p!["name"]! == "Bright Ads Agency")!["id"]!;

    private async Task<JsonNode> SubmitAsync(HttpClient client, string? code)
    {
        var result = await api.PostAsync(client, Submit, new { input = new { firstName = "Pavel", phone = LeadApi.NewPhone(), referralCode = code } });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return Ok(result["data"]!["submitLead"]!);
    }

    [Fact]
    public async Task Partner_HasSeveralCodes_AndListsOnlyItsOwn()
    {
        var program = await ProgramAsync();
        var bright = await BrightIdAsync();
        var own = new[] { await CodeAsync(program, bright), await CodeAsync(program, bright) };

        var codes = (await api.PostAsync(await api.ClientForAsync(Bright), "{ referralCodes(first: 100) { nodes { code partner { name } } } }"))["data"]!["referralCodes"]!["nodes"]!.AsArray();

        Assert.Subset(codes.Select(c => (string)c!["code"]!).ToHashSet(), own.ToHashSet());
        Assert.All(codes, c => Assert.Equal("Bright Ads Agency", (string)c!["partner"]!["name"]!));
    }

    [Fact]
    public async Task RevokedCode_IsAWarning_TheLeadIsKept_AndAPartnersOwnTokenStillAttributesIt()
    {
        var program = await ProgramAsync();
        var code = await CodeAsync(program, await BrightIdAsync());
        var codeId = (string)(await api.QueryAsync("{ referralCodes(first: 100) { nodes { id code } } }"))["referralCodes"]!["nodes"]!.AsArray().Single(c => (string)c!["code"]! == code)!["id"]!;
        Assert.Equal("SEED", (string)(await SubmitAsync(api.Client, code))["lead"]!["origin"]!);

        Assert.NotNull(Ok(await MutateAsync("revokeReferralCode", "RevokeReferralCodeInput", new { referralCodeId = codeId }, "referralCode { revokedAt }"))["referralCode"]!["revokedAt"]);

        var byIntegration = await SubmitAsync(api.Client, code);
        Assert.Equal("NET", (string)byIntegration["lead"]!["origin"]!);
        Assert.Contains("was revoked", (string)byIntegration["warnings"]![0]!["message"]!);
        var byPartner = await SubmitAsync(await api.ClientForAsync(Bright), code);
        Assert.Contains("was revoked", (string)byPartner["warnings"]![0]!["message"]!);
        Assert.Equal("SEED", (string)byPartner["lead"]!["origin"]!); // the partner's own credentials attribute it
    }

    [Fact]
    public async Task ReferAFriend_AClientsCodeAttributesTheLeadToTheClient()
    {
        var referrer = await api.ClientAsync();
        var code = await CodeAsync(await ProgramAsync(), referrerClientId: referrer);

        var leadId = (string)(await SubmitAsync(api.Client, code))["lead"]!["id"]!;

        var referral = (await api.QueryAsync("{ referrals(first: 20) { nodes { lead { id } referrerClient { id } partner { id } } } }"))["referrals"]!["nodes"]!.AsArray()
            .Single(r => (string)r!["lead"]!["id"]! == leadId)!;
        Assert.Equal(referrer, (string)referral["referrerClient"]!["id"]!);
        Assert.Null(referral["partner"]);
    }

    [Fact]
    public async Task ProgramForEligiblePartners_RefusesOtherPartnersCodes_AndPartnersSeeOnlyThemselvesListed()
    {
        var partners = (await api.QueryAsync("{ partners(first: 10) { nodes { id name } } }"))["partners"]!["nodes"]!.AsArray();
        string IdOf(string name) => (string)partners.Single(p => (string)p!["name"]! == name)!["id"]!;
        var program = (string)Ok(await MutateAsync("createReferralProgram", "CreateReferralProgramInput",
            new { name = "Integrators only", rewardType = "PERCENT_OF_SALE", rewardValue = 500, activeFrom = ApiHost.SeedTime.AddYears(-1), eligiblePartnerIds = new[] { IdOf("Nord Systems Integration") } },
            "program { id openToAllPartners }"))["program"]!["id"]!;

        var refused = await MutateAsync("createReferralCode", "CreateReferralCodeInput", new { code = $"X-{Guid.NewGuid():N}"[..20], programId = program, partnerId = IdOf("Bright Ads Agency") }, "referralCode { id }");
        Assert.Equal("partnerId", (string)refused["errors"]![0]!["field"]!);
        await CodeAsync(program, IdOf("Nord Systems Integration"));

        const string Eligible = "query($id: ID!) { node(id: $id) { ... on ReferralProgram { openToAllPartners eligiblePartners { name } } } }";
        var byStaff = (await api.QueryAsync(Eligible, new { id = program }))["node"]!;
        Assert.False((bool)byStaff["openToAllPartners"]!);
        Assert.Equal(["Nord Systems Integration"], byStaff["eligiblePartners"]!.AsArray().Select(p => (string)p!["name"]!));
        var byBright = (await api.PostAsync(await api.ClientForAsync(Bright), Eligible, new { id = program }))["data"]!["node"]!;
        Assert.Empty(byBright["eligiblePartners"]!.AsArray());
    }

    [Fact]
    public async Task CreateReferralCode_NeedsExactlyOneReferrer()
    {
        var payload = await MutateAsync("createReferralCode", "CreateReferralCodeInput", new { code = "NOBODY", programId = await ProgramAsync() }, "referralCode { id }");

        Assert.Equal("partnerId", (string)payload["errors"]![0]!["field"]!);
    }
}

public sealed class DefaultReferralAdministrationTests(DefaultApi api) : ReferralAdministrationTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresReferralAdministrationTests(PostgresApi api) : ReferralAdministrationTests<PostgresApi>(api), IClassFixture<PostgresApi>;
