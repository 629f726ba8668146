using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.GraphQL;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Security;

/// <summary>
/// The access matrix (<c>FieldAccess</c> and <c>Policies.Callers</c>): every root field has a line, the matrix is a
/// reviewed snapshot, and every staff role and client kind, with real tokens, is allowed exactly the root fields the
/// matrix gives it (a minimal valid document runs) and refused the others with <c>ACCESS_DENIED</c>.
/// </summary>
public sealed class AccessMatrixTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    /// <summary>A caller of the walk: a staff role or a client kind (an integration also with each admin scope).</summary>
    private sealed record Caller(string Name, string[] Roles, string[] Scopes, string? ClientId = null, bool Partner = false);

    private static readonly Caller[] Callers =
    [
        .. StaffRoles.All.Select(role => new Caller(role, [role], [])),
        new(ClientKinds.Integration, [], ClientKinds.ScopesOf[ClientKinds.Integration], DemoClients.Integration),
        .. ClientKinds.GrantableScopesOf[ClientKinds.Integration].Select(scope =>
            new Caller($"{ClientKinds.Integration}+{scope}", [], [.. ClientKinds.ScopesOf[ClientKinds.Integration], scope], DemoClients.Integration)),
        new(ClientKinds.Partner, [], ClientKinds.ScopesOf[ClientKinds.Partner], "partner-bright-ads", Partner: true),
        new(ClientKinds.Bi, [], ClientKinds.ScopesOf[ClientKinds.Bi], DemoClients.Bi),
        new(ClientKinds.Landing, [], ClientKinds.ScopesOf[ClientKinds.Landing], DemoClients.Landing),
    ];

    [Fact]
    public void EveryRootField_HasALineInTheMatrix()
    {
        var unlisted = RootFields().Where(f => f.Field.GetPolicies() is not { Count: 1 }).Select(f => $"{f.Root.Name}.{f.Field.Name}").ToList();

        Assert.True(unlisted.Count == 0, $"Give these root fields a line in FieldAccess: {string.Join(", ", unlisted)}");
    }

    [Fact]
    public void AccessMap_IsAsReviewed()
    {
        var subscription = Schema().Subscription!;
        var roots = RootFields().Concat(subscription.Fields.Select(field => (Root: subscription, Field: field)))
            .Select(f => $"{f.Root.Name}.{f.Field.Name}: {Describe(f.Field.GetPolicies()!.Single())}");
        var nested = Schema().AllTypes.OfType<IObjectGraphType>().Where(t => t != Schema().Query && t != Schema().Mutation && t != subscription)
            .SelectMany(type => type.Fields.Where(f => f.GetPolicies() is { Count: > 0 }).Select(f => (type, f)))
            .GroupBy(x => (x.type.Name, Policy: string.Join(" + ", x.f.GetPolicies()!)))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Name}.{{{string.Join(", ", g.Select(x => x.f.Name).Order(StringComparer.Ordinal))}}}: {g.Key.Policy}");
        var policies = Policies.Callers.Keys.Select(Describe);

        MarkdownSnapshot.Match("AccessMap",
        [
            ("who may call each root field (policy: staff roles; client kinds, + a scope granted at clients add)", "text", string.Join("\n", roots)),
            ("nested fields with a policy of their own", "text", string.Join("\n", nested)),
            ("policies", "text", string.Join("\n", policies)),
        ]);
    }

    [Theory]
    [InlineData("recordPayout")]
    [InlineData("approveDueRewards")]
    [InlineData("createPartner")]
    [InlineData("updatePartner")]
    [InlineData("createReferralProgram")]
    [InlineData("updateReferralProgram")]
    [InlineData("setSalesPlan")]
    public void MoneyPartnersAndTheSalesPlan_AreForHeadsOfSalesAdminsAndGrantedScopesOnly(string mutation)
    {
        var access = Policies.Callers[Schema().Mutation!.GetField(mutation)!.GetPolicies()!.Single()];

        Assert.Equal([StaffRoles.Admin, StaffRoles.HeadOfSales], access.Roles.Order());
        Assert.All(access.Scopes, scope => Assert.Contains(scope, ClientKinds.GrantableScopesOf[ClientKinds.Integration]));
        Assert.False(access.Partners);
    }

    [Fact]
    public async Task EveryCaller_GetsExactlyTheRootFieldsTheMatrixGivesIt()
    {
        var mismatches = new List<string>();
        var walked = 0;
        foreach (var caller in Callers)
        {
            var client = await ClientOfAsync(caller);
            foreach (var (root, field) in RootFields())
            {
                var access = Policies.Callers[field.GetPolicies()!.Single()];
                var expected = caller.Roles.Intersect(access.Roles).Any() || caller.Scopes.Intersect(access.Scopes).Any() || (access.Partners && caller.Partner);
                var result = await api.PostAsync(client, Document(root, field));
                var codes = result["errors"]?.AsArray().Select(e => (string?)e?["extensions"]?["code"]).ToList() ?? [];
                var denied = codes.Contains("ACCESS_DENIED") && result["data"] is null;
                // Allowed: the document passed validation and ran (the dummy arguments may then fail, e.g. INVALID_ID).
                var ran = result.ContainsKey("data") && !codes.Any(c => c is "ACCESS_DENIED" or "AUTH_NOT_AUTHENTICATED");
                if (expected ? !ran : !denied)
                    mismatches.Add($"{caller.Name} {(expected ? "should" : "should not")} reach {root.Name}.{field.Name}: {result.ToJsonString()}");
                walked++;
            }
        }

        Assert.Equal(Callers.Length * RootFields().Count(), walked);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task AnIntegrationWithoutAdminScopes_IsRefusedMoneyPartnersAndPlans()
    {
        var plain = await api.ClientForAsync(DemoClients.Integration, scope: $"{Scopes.CrmRead} {Scopes.CrmWrite}");
        var admin = await api.ClientForAsync(DemoClients.Integration, scope: $"{Scopes.CrmRead} {Scopes.CrmWrite} {Scopes.ReferralsAdmin}");
        const string Approve = "mutation { approveDueRewards { approved { id } } }";

        var denied = await api.PostAsync(plain, Approve);
        Assert.Equal("ACCESS_DENIED", (string?)denied["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains(Policies.ReferralsAdmin, (string)denied["errors"]![0]!["message"]!);
        Assert.Null((await api.PostAsync(admin, Approve))["errors"]);
    }

    [Theory]
    [InlineData(StaffRoles.Manager, false)]
    [InlineData(StaffRoles.Marketer, false)]
    [InlineData(StaffRoles.HeadOfSales, true)]
    [InlineData(StaffRoles.Admin, true)]
    public async Task RewardAmountsAndPartnerEmails_NeedMoreThanTheFieldsReachingThem(string role, bool allowed)
    {
        var client = await ClientOfAsync(Callers.Single(c => c.Name == role));

        var statuses = await api.PostAsync(client, "{ referrals(first: 5) { nodes { status rewards(first: 5) { nodes { status } } } } partners(first: 5) { nodes { name } } }");
        var amounts = await api.PostAsync(client, "{ referrals(first: 5) { nodes { rewards(first: 5) { nodes { amount { amount } } } } } }");
        var emails = await api.PostAsync(client, "{ partners(first: 5) { nodes { contactEmail } } }");

        Assert.True(statuses["errors"] is null, statuses.ToJsonString());
        foreach (var result in new[] { amounts, emails })
        {
            if (allowed)
                Assert.True(result["errors"] is null, result.ToJsonString());
            else
                Assert.Equal("ACCESS_DENIED", (string?)result["errors"]![0]!["extensions"]!["code"]);
        }
    }

    [Fact]
    public async Task APartner_ReadsItsOwnRewardAmountsAndContactEmail()
    {
        var partner = await ClientOfAsync(Callers.Single(c => c.Partner));

        var result = await api.PostAsync(partner, "{ me { partner { contactEmail } } rewards(first: 5) { nodes { amount { amount } } } }");

        Assert.True(result["errors"] is null, result.ToJsonString());
    }

    private async Task<HttpClient> ClientOfAsync(Caller caller)
    {
        if (caller.ClientId is { } clientId)
            return await api.ClientForAsync(clientId, scope: string.Join(' ', caller.Scopes));
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, caller.Roles.Single());
        var flow = new StaffSignInFlow(api);
        return flow.ApiClient((string)(await flow.SignInAsync(email, password))["access_token"]!);
    }

    /// <summary>Who passes <paramref name="policy"/>: staff roles, then client kinds (kind+scope when the scope must be granted).</summary>
    private static string Describe(string policy)
    {
        var access = Policies.Callers[policy];
        var kinds = ClientKinds.ScopesOf.Keys.SelectMany(kind =>
            ClientKinds.ScopesOf[kind].Intersect(access.Scopes).Any() || (access.Partners && kind == ClientKinds.Partner) ? [kind]
            : ClientKinds.GrantableScopesOf[kind].Intersect(access.Scopes).Select(scope => $"{kind}+{scope}"));
        return $"{policy}: {string.Join(", ", access.Roles)}; {(kinds.Any() ? string.Join(", ", kinds) : "no client")}";
    }

    /// <summary>
    /// A minimal valid document for a root field: required arguments get dummy values of their type, an object
    /// result selects <c>__typename</c> (so no nested field adds a policy of its own).
    /// </summary>
    private static string Document(IObjectGraphType root, FieldType field)
    {
        var arguments = field.Arguments?.Where(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null)
            .Select(a => $"{a.Name}: {Dummy(a.ResolvedType!)}").ToList() ?? [];
        var call = arguments.Count == 0 ? field.Name : $"{field.Name}({string.Join(", ", arguments)})";
        var selection = field.ResolvedType!.GetNamedType() is IComplexGraphType or UnionGraphType ? " { __typename }" : "";
        return $"{(root.Name == "Mutation" ? "mutation " : "")}{{ {call}{selection} }}";
    }

    private static string Dummy(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Dummy(nonNull.ResolvedType!),
        ListGraphType list => $"[{Dummy(list.ResolvedType!)}]",
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        IInputObjectGraphType input => $"{{ {string.Join(", ", input.Fields.Where(f => f.ResolvedType is NonNullGraphType && f.DefaultValue is null).Select(f => $"{f.Name}: {Dummy(f.ResolvedType!)}"))} }}",
        IdGraphType or StringGraphType => "\"x\"",
        DateTimeGraphType => "\"2026-06-01T00:00:00Z\"",
        FloatGraphType or DecimalGraphType => 1.5.ToString(CultureInfo.InvariantCulture),
        BooleanGraphType => "false",
        _ => "1",
    };

    private IEnumerable<(IObjectGraphType Root, FieldType Field)> RootFields() =>
        new[] { Schema().Query, Schema().Mutation! }.SelectMany(root => root.Fields.Select(field => (root, field)));

    private ISchema Schema()
    {
        var schema = api.Services.GetRequiredService<PlatformSchema>();
        schema.Initialize();
        return schema;
    }
}
