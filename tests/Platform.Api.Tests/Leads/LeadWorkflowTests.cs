using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Leads;

public abstract class LeadWorkflowTests<THost>(THost api) where THost : ApiHost
{
    private async Task<string> ManagerIdAsync()
    {
        var data = await api.QueryAsync("{ leads(first: 1, filter: { status: [ASSIGNED, IN_PROGRESS] }) { nodes { owner { id } } } }");
        return (string)data["leads"]!["nodes"]![0]!["owner"]!["id"]!;
    }

    private async Task<JsonNode> InProgressLeadAsync()
    {
        var lead = await api.NewLeadAsync();
        var worked = await api.CallAsync((string)lead["id"]!);
        worked.AssertOk();
        return worked["lead"]!;
    }

    private async Task<JsonNode> QualifiedLeadAsync(params (string Key, object? Value)[] form)
    {
        var lead = await api.NewLeadAsync(form);
        (await api.CallAsync((string)lead["id"]!)).AssertOk();
        var qualified = await api.QualifyAsync((string)lead["id"]!);
        qualified.AssertOk();
        return qualified["lead"]!;
    }

    [Fact]
    public async Task Lead_AssignedWorkedQualifiedAndConverted_BecomesAClientWithContactAndDeal()
    {
        var lead = await api.NewLeadAsync(("company", "Acme Retail"), ("email", $"buyer-{Guid.NewGuid():N}@acme.example.com"));
        var id = (string)lead["id"]!;
        var manager = await ManagerIdAsync();

        var assigned = await api.AssignAsync(id, manager, (int)lead["version"]!);
        assigned.AssertOk();
        Assert.Equal(manager, (string)assigned["lead"]!["owner"]!["id"]!);

        var called = await api.CallAsync(id);
        called.AssertOk();
        Assert.Equal("IN_PROGRESS", (string)called["lead"]!["status"]!);
        Assert.NotNull(called["lead"]!["firstResponseTime"]);                  // T2
        Assert.Equal(2, (int)called["lead"]!["touchCount"]!);
        Assert.True((int)called["lead"]!["completeness"]! >= 4);               // L7

        var qualified = await api.QualifyAsync(id);
        qualified.AssertOk();
        Assert.Equal("QUALIFIED", (string)qualified["lead"]!["status"]!);

        var converted = await api.ConvertAsync(id);
        converted.AssertOk();
        Assert.Equal("CONVERTED", (string)converted["lead"]!["status"]!);
        Assert.Equal("Acme Retail", (string)converted["client"]!["name"]!);
        Assert.Equal(id, (string)converted["client"]!["originLead"]!["id"]!);  // C3
        Assert.Equal((string)converted["client"]!["id"]!, (string)converted["lead"]!["client"]!["id"]!);
        Assert.Equal(manager, (string)converted["lead"]!["owner"]!["id"]!);  // C4: the lead keeps its owner
        Assert.Equal("Olga", (string)converted["contact"]!["firstName"]!);
        Assert.Equal("NEW", (string)converted["deal"]!["stage"]!["code"]!);
        Assert.False((bool)converted["clientExisted"]!);
    }

    [Fact]
    public async Task ConvertLead_SameEmailAsAnExistingClient_LinksThatClient()
    {
        var email = $"repeat-{Guid.NewGuid():N}@example.com";
        var first = await QualifiedLeadAsync(("email", email));
        var firstClient = (await api.ConvertAsync((string)first["id"]!))["client"]!;
        var second = await QualifiedLeadAsync(("email", email));

        var converted = await api.ConvertAsync((string)second["id"]!, new { leadId = (string)second["id"]! });

        converted.AssertOk();
        Assert.True((bool)converted["clientExisted"]!);
        Assert.Equal((string)firstClient["id"]!, (string)converted["client"]!["id"]!);
        Assert.Null(converted["deal"]);
    }

    [Fact]
    public async Task Lead_RefusedThenReactivated_IsKeptAndBackInProgress()
    {
        var lead = await InProgressLeadAsync();
        var id = (string)lead["id"]!;

        var refused = await api.RefuseAsync(id);
        refused.AssertOk();
        Assert.Equal("REFUSED", (string)refused["lead"]!["status"]!);
        Assert.Equal("CLIENT", (string)refused["lead"]!["refusedBy"]!);

        var reactivated = await api.ReactivateAsync(id);
        reactivated.AssertOk();
        Assert.Equal("IN_PROGRESS", (string)reactivated["lead"]!["status"]!);
        Assert.Equal("Chose a cheaper studio", (string)reactivated["lead"]!["refusalReason"]!); // C7: history kept
    }

    [Fact]
    public async Task Lead_Postponed_IsFoundByItsReContactDateAndCanBeReactivated()
    {
        var lead = await InProgressLeadAsync();
        var id = (string)lead["id"]!;
        var until = DateTime.UtcNow.Date.AddDays(40);

        (await api.PostponeAsync(id, until)).AssertOk();
        var found = await api.QueryAsync("query($f: LeadFilter) { leads(first: 100, filter: $f) { nodes { id status } } }",
            new { f = new { postponedFrom = until.AddDays(-1), postponedTo = until.AddDays(1) } });
        Assert.Contains(found["leads"]!["nodes"]!.AsArray(), n => (string)n!["id"]! == id);

        var reactivated = await api.ReactivateAsync(id);
        Assert.Equal("IN_PROGRESS", (string)reactivated["lead"]!["status"]!);
        Assert.Null(reactivated["lead"]!["postponedUntil"]);
    }

    [Fact]
    public async Task Leads_SearchByPhoneOrEmail_FindsTheLead()
    {
        var email = $"search-{Guid.NewGuid():N}@example.com";
        var lead = await api.NewLeadAsync(("email", email));
        var phone = (string)lead["phone"]!; // +7916XXXXXXX; typed the Russian national way: 8 916 XXX-XX-XX
        var typed = $"8 {phone[2..5]} {phone[5..8]}-{phone[8..10]}-{phone[10..]}";
        foreach (var search in new[] { phone, typed, email.ToUpperInvariant() })
        {
            var data = await api.QueryAsync("query($s: String) { leads(first: 5, filter: { search: $s }) { nodes { id } } }", new { s = search });
            Assert.Equal((string)lead["id"]!, (string)data["leads"]!["nodes"]!.AsArray().Single()!["id"]!);
        }
    }

    // ---- every illegal transition is a typed INVALID_TRANSITION error with from/to

    public static TheoryData<string, string, string> IllegalTransitions() => new()
    {
        { "NEW", "qualify", "QUALIFIED" },
        { "ASSIGNED", "qualify", "QUALIFIED" },
        { "NEW", "convert", "CONVERTED" },
        { "IN_PROGRESS", "convert", "CONVERTED" },
        { "NEW", "reactivate", "IN_PROGRESS" },
        { "IN_PROGRESS", "reactivate", "IN_PROGRESS" },
        { "QUALIFIED", "qualify", "QUALIFIED" },
        { "REFUSED", "refuse", "REFUSED" },
        { "REFUSED", "postpone", "POSTPONED" },
        { "REFUSED", "qualify", "QUALIFIED" },
        { "REFUSED", "convert", "CONVERTED" },
        { "REFUSED", "assign", "ASSIGNED" },
        { "POSTPONED", "postpone", "POSTPONED" },
        { "POSTPONED", "refuse", "REFUSED" },
        { "POSTPONED", "qualify", "QUALIFIED" },
        { "CONVERTED", "refuse", "REFUSED" },
        { "CONVERTED", "postpone", "POSTPONED" },
        { "CONVERTED", "reactivate", "IN_PROGRESS" },
        { "CONVERTED", "convert", "CONVERTED" },
        { "CONVERTED", "assign", "ASSIGNED" },
        { "CONVERTED", "qualify", "QUALIFIED" },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public async Task LeadMutation_FromAStatusThatForbidsIt_IsAnInvalidTransitionAndChangesNothing(string status, string action, string to)
    {
        var id = await LeadInStatusAsync(status);

        var payload = action switch
        {
            "qualify" => await api.QualifyAsync(id),
            "convert" => await api.ConvertAsync(id),
            "reactivate" => await api.ReactivateAsync(id),
            "refuse" => await api.RefuseAsync(id),
            "postpone" => await api.PostponeAsync(id, DateTime.UtcNow.AddDays(10)),
            "assign" => await api.AssignAsync(id, await ManagerIdAsync()),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        var error = payload.Error();
        Assert.Equal("INVALID_TRANSITION", (string)error["code"]!);
        Assert.Equal(status, (string)error["from"]!);
        Assert.Equal(to, (string)error["to"]!);
        var now = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Lead { status } } }", new { id });
        Assert.Equal(status, (string)now["node"]!["status"]!);
    }

    private async Task<string> LeadInStatusAsync(string status)
    {
        if (status == "NEW")
        {
            // Cold leads are not auto-assigned; a lead submitted without auto-assignment stays NEW.
            var data = await api.QueryAsync("{ leads(first: 1, filter: { status: [NEW] }) { nodes { id } } }");
            return (string)data["leads"]!["nodes"]![0]!["id"]!;
        }
        var lead = await api.NewLeadAsync();
        var id = (string)lead["id"]!;
        if (status == "ASSIGNED")
            return id;
        (await api.CallAsync(id)).AssertOk();
        switch (status)
        {
            case "REFUSED": (await api.RefuseAsync(id)).AssertOk(); break;
            case "POSTPONED": (await api.PostponeAsync(id, DateTime.UtcNow.AddDays(5))).AssertOk(); break;
            case "QUALIFIED": (await api.QualifyAsync(id)).AssertOk(); break;
            case "CONVERTED":
                (await api.QualifyAsync(id)).AssertOk();
                (await api.ConvertAsync(id)).AssertOk();
                break;
        }
        return id;
    }

    // ---- bad fields

    [Fact]
    public async Task RefuseLead_WithoutReason_IsAValidationError()
    {
        var lead = await InProgressLeadAsync();
        Assert.Equal("reason", (string)(await api.RefuseAsync((string)lead["id"]!, reason: " ")).Error()["field"]!);
    }

    [Fact]
    public async Task PostponeLead_ToThePast_IsAValidationError()
    {
        var lead = await InProgressLeadAsync();
        Assert.Equal("until", (string)(await api.PostponeAsync((string)lead["id"]!, DateTime.UtcNow.AddDays(-1))).Error()["field"]!);
    }

    [Fact]
    public async Task QualifyLead_WhoCannotPay_IsAValidationErrorOnCanPay()
    {
        var lead = await InProgressLeadAsync();
        Assert.Equal("canPay", (string)(await api.QualifyAsync((string)lead["id"]!, canPay: false)).Error()["field"]!);
    }

    [Fact]
    public async Task LogActivity_CallWithoutNextContact_IsAValidationError()
    {
        var lead = await api.NewLeadAsync();
        var payload = await api.MutateAsync("logActivity", "LogActivityInput", new { leadId = (string)lead["id"]!, type = "CALL", result = "No answer" });
        Assert.Equal("nextContactAt", (string)payload.Error()["field"]!); // T6
    }

    [Fact]
    public async Task LogActivity_InternalTask_IsNotAFirstResponse()
    {
        var lead = await api.NewLeadAsync();
        var payload = await api.MutateAsync("logActivity", "LogActivityInput", new { leadId = (string)lead["id"]!, type = "TASK", subject = "Prepare questions" });
        payload.AssertOk();
        Assert.Null(payload["lead"]!["firstResponseTime"]);
    }

    [Fact]
    public async Task ConvertLead_DealWithoutTitle_IsAValidationError()
    {
        var lead = await QualifiedLeadAsync();
        var payload = await api.ConvertAsync((string)lead["id"]!, new { leadId = (string)lead["id"]!, createDeal = true });
        Assert.Equal("dealTitle", (string)payload.Error()["field"]!);
    }

    [Fact]
    public async Task AssignLead_UnknownStaffUser_IsNotFound()
    {
        var lead = await api.NewLeadAsync();
        var staff = GlobalId.Encode("StaffUser", 987654);
        var error = (await api.AssignAsync((string)lead["id"]!, staff)).Error();
        Assert.Equal("NOT_FOUND", (string)error["code"]!);
        Assert.Equal(staff, (string)error["id"]!);
    }

    [Fact]
    public async Task RefuseLead_AtAStaleVersion_IsAConflictAndNothingIsLost()
    {
        var lead = await InProgressLeadAsync();
        var id = (string)lead["id"]!;
        var staleVersion = (int)lead["version"]!;
        (await api.CallAsync(id)).AssertOk(); // someone else logs a call meanwhile

        var payload = await api.RefuseAsync(id, expectedVersion: staleVersion);

        Assert.Equal("CONFLICT", (string)payload.Error()["code"]!);
        var now = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Lead { status touchCount } } }", new { id });
        Assert.Equal("IN_PROGRESS", (string)now["node"]!["status"]!);
        Assert.Equal(3, (int)now["node"]!["touchCount"]!);
    }

    [Fact]
    public async Task SetLeadOrigin_ChangesTheOrigin()
    {
        var lead = await api.NewLeadAsync();
        var payload = await api.MutateAsync("setLeadOrigin", "SetLeadOriginInput", new { leadId = (string)lead["id"]!, origin = "SPEAR" });
        Assert.Equal("SPEAR", (string)payload["lead"]!["origin"]!);
    }
}

public sealed class DefaultLeadWorkflowTests(DefaultApi api) : LeadWorkflowTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresLeadWorkflowTests(PostgresApi api) : LeadWorkflowTests<PostgresApi>(api), IClassFixture<PostgresApi>;
