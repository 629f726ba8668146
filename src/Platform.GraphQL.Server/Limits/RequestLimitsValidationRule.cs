using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Walks the selected operation once before execution (fragments expanded) and rejects it when it has too many
/// aliases or root fields, or costs too much; its depth was checked when it was parsed (<see cref="LimitedDocumentBuilder"/>).
/// Cost is charged like GitHub's and Shopify's: each field costs one per item its enclosing list fields may return,
/// where a list field's size is its <c>first</c> or <c>last</c> argument (or <see cref="RequestLimits.DefaultPageSize"/>).
/// The walk stops at the first limit exceeded, so a hostile document costs little to refuse. The cost is charged to the
/// client's <see cref="CostBudget"/> together with the counts a middleware left to the request's first operation
/// (<see cref="CountsWithOperation"/>), in one call.
/// </summary>
public sealed class RequestLimitsValidationRule(RequestLimits limits, CostBudget budget) : ValidationRuleBase
{
    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var rootType = context.Operation.Operation switch
        {
            OperationType.Mutation => context.Schema.Mutation,
            OperationType.Subscription => context.Schema.Subscription,
            _ => context.Schema.Query,
        };
        var rootFields = context.Operation.SelectionSet.Selections.Count;
        if (rootFields > limits.MaxRootFields)
        {
            context.ReportError(new RequestLimitError(context, "TOO_MANY_ROOT_FIELDS",
                $"The operation selects {rootFields} root fields; at most {limits.MaxRootFields} are allowed.", context.Operation));
            return null;
        }

        var walk = new Walk(limits, context);
        walk.Visit(context.Operation.SelectionSet, rootType, 1);
        if (walk.Error is { } error)
        {
            context.ReportError(error);
            return null;
        }
        var deferred = context.RequestServices?.GetService<CountsWithOperation>();
        if (deferred?.RefusalOfLater(context) is { } refusal)
        {
            context.ReportError(refusal);
            return null;
        }
        var counts = deferred?.Take() ?? [];
        var charge = await budget.TryChargeAsync(CallerKey.Of(context.User), walk.Cost, counts);
        if (charge.Refused is { } refused)
        {
            context.ReportError(refused < counts.Count
                ? deferred!.Refuse(context, charge.RetryAfter)
                : new CostBudgetExceededError(context, limits.CostBudgetPerMinute, charge.RetryAfter, context.Operation));
            return null;
        }
        (context.UserContext ?? throw new InvalidOperationException("A user context is required."))[RequestCost.UserContextKey] = walk.Cost;
        return null;
    }

    private sealed class Walk(RequestLimits limits, ValidationContext context)
    {
        private readonly HashSet<string> _fragmentsInPath = [];
        private int _aliases;

        public long Cost { get; private set; }

        public RequestLimitError? Error { get; private set; }

        public void Visit(GraphQLSelectionSet selectionSet, IGraphType? parent, long multiplier)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (Error is not null)
                    return;
                switch (selection)
                {
                    case GraphQLField field:
                        VisitField(field, parent, multiplier);
                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.SelectionSet, inline.TypeCondition is { } condition ? context.Schema.AllTypes[condition.Type.Name.StringValue] : parent, multiplier);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        // A cycle is reported by the core rules; here it must only not recurse forever.
                        if (context.Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment && _fragmentsInPath.Add(name))
                        {
                            Visit(fragment.SelectionSet, context.Schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue], multiplier);
                            _fragmentsInPath.Remove(name);
                        }
                        break;
                }
            }
        }

        private void VisitField(GraphQLField field, IGraphType? parent, long multiplier)
        {
            if (field.Alias is not null && ++_aliases > limits.MaxAliases)
            {
                Error = new RequestLimitError(context, "TOO_MANY_ALIASES", $"The operation uses more than {limits.MaxAliases} aliases.", field);
                return;
            }

            Cost += multiplier;
            if (Cost > limits.MaxCost)
            {
                Error = new RequestLimitError(context, "COST_LIMIT_EXCEEDED",
                    $"The operation's cost exceeds the limit of {limits.MaxCost} (each field costs one per item its enclosing lists may return; ask for smaller pages).", field);
                return;
            }
            if (field.SelectionSet is null)
                return;

            var definition = (parent?.GetNamedType() as IComplexGraphType)?.GetField(field.Name.StringValue);
            Visit(field.SelectionSet, definition?.ResolvedType?.GetNamedType(), multiplier * PageSize(field, definition));
        }

        /// <summary>How many items a field may return: its first/last argument for paged fields, else one.</summary>
        private long PageSize(GraphQLField field, FieldType? definition)
        {
            if (definition?.Arguments?.Find("first") is null && definition?.Arguments?.Find("last") is null)
                return 1;
            long size = 0;
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                if (argument.Name.StringValue is "first" or "last")
                    size = Math.Max(size, IntValue(argument.Value));
            }
            return size > 0 ? size : limits.DefaultPageSize;
        }

        private long IntValue(GraphQLValue value) => value switch
        {
            GraphQLIntValue literal when long.TryParse(literal.Value.Span, out var number) => number,
            GraphQLVariable variable when context.Variables?.TryGetValue(variable.Name.StringValue, out var bound) == true && bound is int or long =>
                Convert.ToInt64(bound, System.Globalization.CultureInfo.InvariantCulture),
            _ => 0,
        };
    }
}
