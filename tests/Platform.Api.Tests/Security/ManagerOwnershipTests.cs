using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;

namespace Platform.Api.Tests.Security;

/// <summary>
/// A manager changes only the clients and deals they own, the contacts of their clients and the orders of their clients
/// or deals; anything else is NOT_FOUND and stays unchanged. Heads of sales and integrations change any.
/// </summary>
public sealed class ManagerOwnershipTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string Errors = "errors { __typename ... on Error { code message } }";

    [Fact]
    public async Task Manager_NewClientAndDealAreTheirs_AndTheyChangeThem()
    {
        var (manager, staffId) = await SignInAsync(StaffRoles.Manager);

        var client = Ok(await MutateAsync(manager, "createClient", "CreateClientInput", new { name = "Own Ltd", kind = "COMPANY" }, "client { id owner { id } }"))["client"]!;
        var clientId = (string)client["id"]!;
        var deal = Ok(await MutateAsync(manager, "createDeal", "CreateDealInput", new { clientId, title = "Own deal", amount = Eur(1000) }, "deal { id owner { id } }"))["deal"]!;

        Assert.Equal(staffId, (string?)client["owner"]!["id"]);
        Assert.Equal(staffId, (string?)deal["owner"]!["id"]);
        Assert.Equal("Own Ltd, renamed", (string)Ok(await MutateAsync(manager, "updateClient", "UpdateClientInput", new { clientId, name = "Own Ltd, renamed" }, "client { name }"))["client"]!["name"]!);
        Assert.Equal("CONTACTED", (string)Ok(await MutateAsync(manager, "moveDeal", "MoveDealInput", new { dealId = (string)deal["id"]!, stageCode = "CONTACTED" }, "deal { stage { code } }"))["deal"]!["stage"]!["code"]!);
        Ok(await MutateAsync(manager, "placeOrder", "PlaceOrderInput", new { clientId, amount = Eur(1000), paymentMode = "SINGLE" }, "order { id }"));
    }

    [Fact]
    public async Task Manager_CannotChangeAnotherOwnersClientDealContactOrOrder_AndNothingChanges()
    {
        var (manager, _) = await SignInAsync(StaffRoles.Manager);
        var (clientId, contactId, dealId, orderId) = await ForeignAsync();
        var before = await CountsAsync();

        List<(string Mutation, string InputType, object Input, string Result)> attempts =
        [
            ("updateClient", "UpdateClientInput", new { clientId, name = "Taken over" }, "client { id }"),
            ("addContact", "AddContactInput", new { clientId, firstName = "Intruder" }, "contact { id }"),
            ("updateContact", "UpdateContactInput", new { contactId, firstName = "Renamed" }, "contact { id }"),
            ("createDeal", "CreateDealInput", new { clientId, title = "Poached", amount = Eur(500) }, "deal { id }"),
            ("moveDeal", "MoveDealInput", new { dealId, stageCode = "CONTACTED" }, "deal { id }"),
            ("loseDeal", "LoseDealInput", new { dealId, reason = "No budget", refusedBy = "CLIENT" }, "deal { id }"),
            ("placeOrder", "PlaceOrderInput", new { clientId, amount = Eur(500), paymentMode = "SINGLE" }, "order { id }"),
            ("requestInstallment", "OrderRefInput", new { orderId }, "order { id }"),
            ("recordPayment", "RecordPaymentInput", new { orderId, amount = Eur(1000) }, "order { id }"),
            ("refundOrder", "RefundOrderInput", new { orderId }, "order { id }"),
        ];
        foreach (var (mutation, inputType, input, result) in attempts)
        {
            var error = (await MutateAsync(manager, mutation, inputType, input, result))["errors"]!.AsArray().Single()!;
            Assert.True((string?)error["code"] == "NOT_FOUND", $"{mutation}: {error.ToJsonString()}");
            Assert.Contains("a manager changes only", (string)error["message"]!);
        }

        Assert.Equal(before, await CountsAsync());
        var data = await api.QueryAsync("query($c: ID!, $d: ID!, $o: ID!) { c: node(id: $c) { ... on Client { name } } d: node(id: $d) { ... on Deal { stage { code } } } o: node(id: $o) { ... on Order { status } } }",
            new { c = clientId, d = dealId, o = orderId });
        Assert.Equal("Foreign Ltd", (string)data["c"]!["name"]!);
        Assert.Equal("NEW", (string)data["d"]!["stage"]!["code"]!);
        Assert.Equal("PLACED", (string)data["o"]!["status"]!);
    }

    [Fact]
    public async Task Manager_OrdersForOwnDealOfAnotherOwnersClient()
    {
        var (manager, staffId) = await SignInAsync(StaffRoles.Manager);
        var (clientId, _, _, _) = await ForeignAsync();
        var ownDeal = (string)Ok(await MutateAsync(api.Client, "createDeal", "CreateDealInput", new { clientId, title = "Given to the manager", amount = Eur(800), ownerId = staffId }, "deal { id }"))["deal"]!["id"]!;

        var withoutDeal = await MutateAsync(manager, "placeOrder", "PlaceOrderInput", new { clientId, amount = Eur(800), paymentMode = "SINGLE" }, "order { id }");
        var withDeal = await MutateAsync(manager, "placeOrder", "PlaceOrderInput", new { clientId, dealId = ownDeal, amount = Eur(800), paymentMode = "SINGLE" }, "order { id }");

        Assert.Equal("NOT_FOUND", (string?)withoutDeal["errors"]![0]!["code"]);
        Ok(withDeal);
    }

    [Theory]
    [InlineData(StaffRoles.HeadOfSales)]
    [InlineData(StaffRoles.Admin)]
    public async Task HeadOfSalesAndAdmin_ChangeAnyClient(string role)
    {
        var (staff, _) = await SignInAsync(role);
        var (clientId, _, dealId, _) = await ForeignAsync();

        Ok(await MutateAsync(staff, "updateClient", "UpdateClientInput", new { clientId, name = "Renamed by " + role }, "client { id }"));
        Ok(await MutateAsync(staff, "moveDeal", "MoveDealInput", new { dealId, stageCode = "CONTACTED" }, "deal { id }"));
    }

    /// <summary>A client owned by nobody, with a contact, a deal and a placed order, made by the integration.</summary>
    private async Task<(string Client, string Contact, string Deal, string Order)> ForeignAsync()
    {
        var client = (string)Ok(await MutateAsync(api.Client, "createClient", "CreateClientInput", new { name = "Foreign Ltd", kind = "COMPANY" }, "client { id }"))["client"]!["id"]!;
        var contact = (string)Ok(await MutateAsync(api.Client, "addContact", "AddContactInput", new { clientId = client, firstName = "Olga" }, "contact { id }"))["contact"]!["id"]!;
        var deal = (string)Ok(await MutateAsync(api.Client, "createDeal", "CreateDealInput", new { clientId = client, title = "Foreign deal", amount = Eur(1000) }, "deal { id }"))["deal"]!["id"]!;
        var order = (string)Ok(await MutateAsync(api.Client, "placeOrder", "PlaceOrderInput", new { clientId = client, amount = Eur(1000), paymentMode = "SINGLE" }, "order { id }"))["order"]!["id"]!;
        return (client, contact, deal, order);
    }

    private async Task<(HttpClient Client, string StaffId)> SignInAsync(string role)
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, role);
        var flow = new StaffSignInFlow(api);
        var client = flow.ApiClient((string)(await flow.SignInAsync(email, password))["access_token"]!);
        long id;
        await using (var scope = api.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().StaffUsers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync();
        return (client, Platform.GraphQL.Server.Relay.GlobalId.Encode("StaffUser", id));
    }

    private async Task<(int Clients, int Contacts, int Deals, int Orders, int Payments)> CountsAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Clients.CountAsync(), await db.Contacts.CountAsync(), await db.Deals.CountAsync(), await db.Orders.CountAsync(), await db.Payments.CountAsync());
    }

    private static object Eur(long amount) => new { amount, currency = "EUR" };

    private async Task<JsonObject> MutateAsync(HttpClient client, string mutation, string inputType, object input, string result)
    {
        var response = await api.PostAsync(client, $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {result} {Errors} }} }}", new { input });
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]![mutation]!.AsObject();
    }

    private static JsonObject Ok(JsonObject payload)
    {
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }
}
