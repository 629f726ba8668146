using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Clients;

/// <summary>createClient, updateClient (owner, segment, loyalty transitions), addContact, updateContact.</summary>
public abstract class ClientMutationTests<THost>(THost api) where THost : ApiHost
{
    private const string ClientFields = """
        client { id name kind taxId okpo registrationNumber email loyaltyCategory segment version owner { name } contacts { totalCount } }
        errors { __typename ... on Error { message code } ... on ValidationError { field } ... on NotFoundError { id }
                 ... on ConflictError { currentVersion } ... on TransitionNotAllowedError { from to allowed } }
        """;

    private const string ContactFields = """
        contact { id firstName lastName email phone hasDecisionAuthority version client { id } }
        errors { __typename ... on Error { message code } ... on ValidationError { field } ... on NotFoundError { id } }
        """;

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, string fields, object input) =>
        (await api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {fields} }} }}", new { input }))[mutation]!;

    private Task<JsonNode> CreateAsync(object input) => MutateAsync("createClient", "CreateClientInput", ClientFields, input);

    private Task<JsonNode> UpdateAsync(object input) => MutateAsync("updateClient", "UpdateClientInput", ClientFields, input);

    private static JsonNode Ok(JsonNode payload, string field = "client")
    {
        Assert.Empty(payload["errors"]!.AsArray());
        return payload[field]!;
    }

    private static JsonNode Error(JsonNode payload, string field = "client")
    {
        Assert.Null(payload[field]);
        return payload["errors"]!.AsArray().Single()!;
    }

    private async Task<string> AnyStaffUserAsync() =>
        (string)(await api.QueryAsync("{ leads(first: 1, filter: { status: [ASSIGNED] }) { nodes { owner { id } } } }"))["leads"]!["nodes"]![0]!["owner"]!["id"]!;

    [Fact]
    public async Task CreateClient_WithLegalDataAndOwner_IsCreatedAsPotential()
    {
        var owner = await AnyStaffUserAsync();

        var client = Ok(await CreateAsync(new { name = "  Acme LLC ", kind = "COMPANY", taxId = "7701234567", okpo = "12345678", registrationNumber = "REG-1", email = "Sales@Acme.Example", ownerId = owner, segment = "DEVELOPING_KEY" }));

        Assert.Equal(("Acme LLC", "7701234567", "sales@acme.example"), ((string)client["name"]!, (string)client["taxId"]!, (string)client["email"]!));
        Assert.Equal(("POTENTIAL", "DEVELOPING_KEY", 1), ((string)client["loyaltyCategory"]!, (string)client["segment"]!, (int)client["version"]!));
        Assert.NotNull(client["owner"]);
    }

    [Theory]
    [InlineData("   ", "a@b.example", "name")]
    [InlineData("Acme", "not-an-email", "email")]
    public async Task CreateClient_BadInput_IsAValidationErrorAndCreatesNothing(string name, string email, string field)
    {
        var before = (int)(await api.QueryAsync("{ clients { totalCount } }"))["clients"]!["totalCount"]!;

        var error = Error(await CreateAsync(new { name, kind = "COMPANY", email }));

        Assert.Equal(("VALIDATION", field), ((string)error["code"]!, (string)error["field"]!));
        Assert.Equal(before, (int)(await api.QueryAsync("{ clients { totalCount } }"))["clients"]!["totalCount"]!);
    }

    [Fact]
    public async Task CreateClient_TooLongTaxId_IsAValidationError()
    {
        var error = Error(await CreateAsync(new { name = "Acme", kind = "COMPANY", taxId = new string('1', 33) }));
        Assert.Equal(("VALIDATION", "taxId"), ((string)error["code"]!, (string)error["field"]!));
    }

    [Fact]
    public async Task CreateClient_UnknownOwner_IsNotFound()
    {
        var owner = GlobalId.Encode("StaffUser", 987654321);
        var error = Error(await CreateAsync(new { name = "Acme", kind = "COMPANY", ownerId = owner }));
        Assert.Equal(("NOT_FOUND", owner), ((string)error["code"]!, (string)error["id"]!));
    }

    [Fact]
    public async Task UpdateClient_LoyaltyJump_IsAnInvalidTransitionAndChangesNothing()
    {
        var client = Ok(await CreateAsync(new { name = "Acme", kind = "COMPANY" }));

        var error = Error(await UpdateAsync(new { clientId = (string)client["id"]!, loyaltyCategory = "FAN", name = "Renamed" }));

        Assert.Equal(("INVALID_TRANSITION", "POTENTIAL", "FAN"), ((string)error["code"]!, (string)error["from"]!, (string)error["to"]!));
        Assert.Contains("ONE_TIME", error["allowed"]!.AsArray().Select(a => (string)a!));
        var now = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Client { name loyaltyCategory version } } }", new { id = (string)client["id"]! });
        Assert.Equal(("Acme", "POTENTIAL", 1), ((string)now["node"]!["name"]!, (string)now["node"]!["loyaltyCategory"]!, (int)now["node"]!["version"]!));
    }

    [Theory] // allowed loyalty transitions: Fan → Antagonist, TemporarilyLost → Former, Former → Potential, Antagonist → any
    [InlineData("FAN", "ANTAGONIST")]
    [InlineData("TEMPORARILY_LOST", "FORMER")]
    [InlineData("FORMER", "POTENTIAL")]
    [InlineData("ANTAGONIST", "LOYAL")]
    public async Task UpdateClient_SeedTransitions_AreAllowed(string from, string to)
    {
        var client = Ok(await CreateAsync(new { name = "Acme", kind = "COMPANY", loyaltyCategory = from }));

        var updated = Ok(await UpdateAsync(new { clientId = (string)client["id"]!, loyaltyCategory = to, expectedVersion = 1 }));

        Assert.Equal((to, 2), ((string)updated["loyaltyCategory"]!, (int)updated["version"]!));
    }

    [Theory] // the two-sided key-client matrix
    [InlineData(true, true, "KEY")]
    [InlineData(true, false, "DEVELOPING_KEY")]
    [InlineData(false, true, "MAINTAINED")]
    [InlineData(false, false, "OCCASIONAL")]
    public async Task UpdateClient_SegmentAssessment_DerivesTheSegment(bool weWantClient, bool clientLikesUs, string segment)
    {
        var client = Ok(await CreateAsync(new { name = "Acme", kind = "COMPANY" }));

        var updated = Ok(await UpdateAsync(new { clientId = (string)client["id"]!, segmentAssessment = new { weWantClient, clientLikesUs } }));

        Assert.Equal(segment, (string)updated["segment"]!);
    }

    [Fact]
    public async Task UpdateClient_SegmentAndAssessmentTogether_IsRefusedAndChangesNothing()
    {
        var client = Ok(await CreateAsync(new { name = "Acme", kind = "COMPANY", segment = "OCCASIONAL" }));

        var error = Error(await UpdateAsync(new { clientId = (string)client["id"]!, segment = "KEY", segmentAssessment = new { weWantClient = true, clientLikesUs = true } }));

        Assert.Equal(("VALIDATION", "segmentAssessment"), ((string)error["code"]!, (string)error["field"]!));
        var now = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Client { segment version } } }", new { id = (string)client["id"]! });
        Assert.Equal(("OCCASIONAL", 1), ((string)now["node"]!["segment"]!, (int)now["node"]!["version"]!));
    }

    [Fact]
    public async Task UpdateClient_AssignsOwnerAndSegment_LeavesOtherFields()
    {
        var owner = await AnyStaffUserAsync();
        var client = Ok(await CreateAsync(new { name = "Acme", kind = "COMPANY", taxId = "7701234567" }));

        var updated = Ok(await UpdateAsync(new { clientId = (string)client["id"]!, ownerId = owner, segment = "KEY" }));

        Assert.Equal(("KEY", "7701234567", "Acme"), ((string)updated["segment"]!, (string)updated["taxId"]!, (string)updated["name"]!));
        Assert.NotNull(updated["owner"]);
    }

    [Fact]
    public async Task UpdateClient_AtAStaleVersion_IsAConflict()
    {
        var client = Ok(await CreateAsync(new { name = "Acme", kind = "COMPANY" }));
        Ok(await UpdateAsync(new { clientId = (string)client["id"]!, region = "North" }));

        var error = Error(await UpdateAsync(new { clientId = (string)client["id"]!, region = "South", expectedVersion = 1 }));

        Assert.Equal(("CONFLICT", 2), ((string)error["code"]!, (int)error["currentVersion"]!));
    }

    [Fact]
    public async Task AddAndUpdateContact_OnTheClientCard()
    {
        var client = Ok(await CreateAsync(new { name = "Acme", kind = "COMPANY" }));

        var contact = Ok(await MutateAsync("addContact", "AddContactInput", ContactFields,
            new { clientId = (string)client["id"]!, firstName = "Anna", email = "Anna@Acme.Example", phone = "+49 30 1234567", hasDecisionAuthority = true }), "contact");
        var updated = Ok(await MutateAsync("updateContact", "UpdateContactInput", ContactFields,
            new { contactId = (string)contact["id"]!, lastName = "Schmidt", expectedVersion = 1 }), "contact");
        var bad = Error(await MutateAsync("updateContact", "UpdateContactInput", ContactFields,
            new { contactId = (string)contact["id"]!, phone = "call me" }), "contact");

        Assert.Equal(("anna@acme.example", "+49301234567", true), ((string)contact["email"]!, (string)contact["phone"]!, (bool)contact["hasDecisionAuthority"]!));
        Assert.Equal(("Anna", "Schmidt", 2), ((string)updated["firstName"]!, (string)updated["lastName"]!, (int)updated["version"]!));
        Assert.Equal(("VALIDATION", "phone"), ((string)bad["code"]!, (string)bad["field"]!));
    }

    [Fact]
    public async Task AddContact_UnknownClient_IsNotFound()
    {
        var error = Error(await MutateAsync("addContact", "AddContactInput", ContactFields, new { clientId = GlobalId.Encode("Client", 987654321), firstName = "Anna" }), "contact");
        Assert.Equal("NOT_FOUND", (string)error["code"]!);
    }
}

public sealed class DefaultClientMutationTests(DefaultApi api) : ClientMutationTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresClientMutationTests(PostgresApi api) : ClientMutationTests<PostgresApi>(api), IClassFixture<PostgresApi>;
