using GraphQL.Validation;
using GraphQLParser.AST;
using Platform.GraphQL.Server.Http;

namespace Platform.Api.Availability;

/// <summary>
/// While the database is unreachable, refuses every operation at once (503 with <c>Retry-After</c>) except a mutation
/// that selects only <c>submitLead</c> (and <c>__typename</c>): a form post must still get its chance. Costs nothing
/// while the database is available.
/// </summary>
public sealed class DatabaseUnavailableRule(DatabaseAvailability availability) : ValidationRuleBase
{
    /// <summary>The one root field that is still tried during an outage.</summary>
    public const string AllowedField = "submitLead";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (!availability.IsAvailable && !IsOnlySubmitLead(context.Operation))
            context.ReportError(new DatabaseUnavailableError(context, availability));
        return default;
    }

    private static bool IsOnlySubmitLead(GraphQLOperationDefinition? operation) =>
        operation is { Operation: OperationType.Mutation }
        && operation.SelectionSet.Selections.All(selection => selection is GraphQLField field && (field.Name == AllowedField || field.Name == "__typename"));
}

/// <summary>The database is unreachable and the operation needs it: answered with 503 and <c>Retry-After</c>, nothing executed.</summary>
public sealed class DatabaseUnavailableError : ValidationError, IHttpStatusError
{
    public DatabaseUnavailableError(ValidationContext context, DatabaseAvailability availability)
        : base(context.Document.Source, null!, availability.UnavailableMessage, context.Operation)
    {
        Code = DatabaseAvailability.ErrorCode;
        RetryAfterSeconds = availability.RetryAfterSeconds;
    }

    public int StatusCode => StatusCodes.Status503ServiceUnavailable;

    public int? RetryAfterSeconds { get; }
}
