using GraphQL;
using GraphQL.Types;

namespace Platform.Api.Security;

/// <summary>
/// The root fields whose access differs from the default (queries need <see cref="Policies.CrmRead"/>, mutations
/// <see cref="Policies.CrmWrite"/>), in one reviewable place. A new field is protected by the default without a line
/// here; add a line only to open it to other callers. A name that matches no field fails at start-up.
/// </summary>
internal static class FieldAccess
{
    private static readonly (string Field, string Policy)[] Queries =
    [
        ("node", Policies.LeadsRead),
        ("nodes", Policies.LeadsRead),
        ("leads", Policies.LeadsRead),
    ];

    private static readonly (string Field, string Policy)[] Mutations =
    [
        ("submitLead", Policies.LeadsSubmit),
    ];

    public static void ApplyTo(IObjectGraphType query, IObjectGraphType mutation)
    {
        Apply(query, Queries);
        Apply(mutation, Mutations);
    }

    private static void Apply(IObjectGraphType type, (string Field, string Policy)[] access)
    {
        foreach (var (name, policy) in access)
        {
            var field = type.GetField(name) ?? throw new InvalidOperationException($"FieldAccess names `{type.Name}.{name}`, which does not exist.");
            field.AuthorizeWithPolicy(policy);
        }
    }
}
