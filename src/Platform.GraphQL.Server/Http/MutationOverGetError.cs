using GraphQL.Validation;

namespace Platform.GraphQL.Server.Http;

/// <summary>A mutation or subscription sent with GET, which must stay safe; answered with 405 and <c>Allow: POST</c>.</summary>
internal sealed class MutationOverGetError : ValidationError
{
    public MutationOverGetError(ValidationContext context)
        : base(context.Document.Source, null!, $"Only queries can be sent with GET; send this {context.Operation.Operation.ToString().ToLowerInvariant()} with POST.", context.Operation)
    {
        Code = "METHOD_NOT_ALLOWED";
    }
}
