using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.GraphQL.Server.Authorization;

/// <summary>
/// Checks the selected operation against authorization metadata before anything executes, so a denied request runs
/// no resolver and returns no partial data. Default deny: every root field needs an authenticated caller who passes
/// the operation type's default policy, unless the field carries its own policies or roles
/// (<c>AuthorizeWithPolicy</c>, <c>AuthorizeWithRoles</c>, which then replace the default) or
/// <c>AllowAnonymous()</c>. Nested fields and types are checked when they carry metadata. Policies are ASP.NET Core
/// authorization policies, evaluated once per request each.
/// </summary>
public sealed class AuthorizationValidationRule(GraphQLAuthorizationOptions options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(options, context));

    private sealed class Visitor(GraphQLAuthorizationOptions options, ValidationContext context) : INodeVisitor
    {
        private readonly HashSet<GraphQLFragmentDefinition> _fragments = [.. context.GetRecursivelyReferencedFragments(context.Operation) ?? []];
        private readonly Dictionary<string, bool> _policyResults = [];
        private bool _active;
        private bool _reported;

        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _active = operation == context.Operation;
                    break;
                case GraphQLFragmentDefinition fragment:
                    _active = _fragments.Contains(fragment);
                    break;
                case GraphQLField field when _active && !_reported && context.ShouldIncludeNode(field):
                    await CheckAsync(field);
                    break;
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        private async ValueTask CheckAsync(GraphQLField field)
        {
            var parent = context.TypeInfo.GetParentType()?.GetNamedType();
            var definition = context.TypeInfo.GetFieldDef();
            if (definition is null || parent is null || definition.Name == "__typename")
                return;

            var isRoot = IsRoot(parent, out var defaultPolicy);
            if (definition.Name is "__schema" or "__type")
            {
                // Introspection: any authenticated caller unless a policy says more; never anonymous.
                if (context.User?.Identity?.IsAuthenticated != true)
                    Report(AuthenticationRequiredError.ForIntrospection(context, field));
                else
                    await RequireAsync(field, definition.Name, [], [], options.IntrospectionPolicy);
                return;
            }

            if (definition.IsAnonymousAllowed())
                return;
            var policies = definition.GetPolicies() ?? [];
            var roles = definition.GetRoles() ?? [];
            if (isRoot || definition.IsAuthorizationRequired())
            {
                var fallback = policies.Count == 0 && roles.Count == 0 ? defaultPolicy : null;
                if (!await RequireAsync(field, definition.Name, policies, roles, fallback))
                    return;
            }

            var type = definition.ResolvedType?.GetNamedType();
            if (type is not null && type.IsAuthorizationRequired() && !type.IsAnonymousAllowed())
                await RequireAsync(field, definition.Name, type.GetPolicies() ?? [], type.GetRoles() ?? [], null);
        }

        private bool IsRoot(IGraphType parent, out string? defaultPolicy)
        {
            var schema = context.Schema;
            defaultPolicy = parent == schema.Query ? options.DefaultQueryPolicy
                : parent == schema.Mutation ? options.DefaultMutationPolicy
                : parent == schema.Subscription ? options.DefaultSubscriptionPolicy
                : null;
            return parent == schema.Query || parent == schema.Mutation || parent == schema.Subscription;
        }

        /// <summary>Reports the first failure only: one clear error rather than one per field.</summary>
        private async ValueTask<bool> RequireAsync(GraphQLField field, string name, IEnumerable<string> policies, IEnumerable<string> roles, string? extraPolicy)
        {
            var user = context.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                Report(new AuthenticationRequiredError(context, field));
                return false;
            }

            var roleList = roles as ICollection<string> ?? [.. roles];
            if (roleList.Count > 0 && !roleList.Any(user.IsInRole))
            {
                Report(new AccessDeniedError(context, field, name, $"one of the roles {string.Join(", ", roleList)}"));
                return false;
            }

            foreach (var policy in extraPolicy is null ? policies : policies.Append(extraPolicy))
            {
                if (!await PassesAsync(user, policy))
                {
                    Report(new AccessDeniedError(context, field, name, $"the policy `{policy}`"));
                    return false;
                }
            }
            return true;
        }

        private async ValueTask<bool> PassesAsync(ClaimsPrincipal user, string policy)
        {
            if (_policyResults.TryGetValue(policy, out var passed))
                return passed;
            var authorization = (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is required for authorization."))
                .GetRequiredService<IAuthorizationService>();
            passed = (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            _policyResults[policy] = passed;
            return passed;
        }

        private void Report(ValidationError error)
        {
            _reported = true;
            context.ReportError(error);
        }
    }
}
