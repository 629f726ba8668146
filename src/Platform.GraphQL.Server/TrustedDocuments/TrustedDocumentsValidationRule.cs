using System.Security.Claims;
using GraphQL.Validation;

namespace Platform.GraphQL.Server.TrustedDocuments;

/// <summary>
/// Refuses any document that is not a trusted one when <paramref name="requiresTrustedDocuments"/> says the caller
/// is restricted to them (a per-client switch), whether it came by <c>documentId</c> or as text.
/// </summary>
public sealed class TrustedDocumentsValidationRule(TrustedDocumentStore store, Func<ClaimsPrincipal?, bool> requiresTrustedDocuments) : ValidationRuleBase
{
    public const string ErrorCode = "TRUSTED_DOCUMENT_REQUIRED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (requiresTrustedDocuments(context.User) && !store.IsTrusted(context.Document.Source.ToString()))
        {
            context.ReportError(new ValidationError(context.Document.Source, null!,
                "This client may run only trusted documents: send the `documentId` (sha256:…) of a registered document.", context.Operation)
            {
                Code = ErrorCode,
            });
        }
        return default;
    }
}
