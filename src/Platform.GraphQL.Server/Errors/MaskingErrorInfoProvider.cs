using GraphQL;
using GraphQL.Execution;

namespace Platform.GraphQL.Server.Errors;

/// <summary>
/// GraphQL.NET's error formatting, except that a fault (an exception no resolver expected) shows
/// only <c>INTERNAL_SERVER_ERROR</c>: GraphQL.NET would derive the code from the exception's type
/// name, which tells an attacker about our internals. Expected errors keep their own codes. Without exposed
/// details, validation messages also lose their "Did you mean …?" suggestions, which would reveal the schema
/// to a caller not allowed to introspect it.
/// </summary>
public sealed class MaskingErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public const string FaultCode = "INTERNAL_SERVER_ERROR";

    private readonly bool _exposeDetails = options.ExposeExceptionDetails;

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is UnhandledError && !_exposeDetails)
            info.Extensions = new Dictionary<string, object?> { ["code"] = FaultCode };
        if (!_exposeDetails && info.Message.IndexOf(" Did you mean", StringComparison.Ordinal) is >= 0 and var suggestion)
            info.Message = info.Message[..suggestion];
        return info;
    }
}
