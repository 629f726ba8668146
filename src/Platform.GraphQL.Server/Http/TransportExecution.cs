using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;

namespace Platform.GraphQL.Server.Http;

/// <summary>What every transport does around an execution, so a request gets the same treatment over each.</summary>
internal static class TransportExecution
{
    /// <summary>The execution options of <paramref name="request"/>, after the product's <see cref="GraphQLHttpOptions.ConfigureExecution"/> hook.</summary>
    public static async Task<ExecutionOptions> CreateOptionsAsync(
        GraphQLHttpOptions options, HttpContext context, GraphQLRequest request, IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var executionOptions = new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            CancellationToken = cancellationToken,
        };
        if (options.ConfigureExecution is { } configure)
            await configure(context, executionOptions);
        RefuseTooDeepDocuments(executionOptions);
        return executionOptions;
    }

    /// <summary>
    /// The parser refuses a document nested beyond its depth limit (a bomb like 500 nested list literals) with an
    /// exception GraphQL.NET would report as a fault; it is the client's error, a request error like any other.
    /// </summary>
    private static void RefuseTooDeepDocuments(ExecutionOptions executionOptions)
    {
        var handler = executionOptions.UnhandledExceptionDelegate;
        executionOptions.UnhandledExceptionDelegate = context =>
        {
            if (context.OriginalException is not GraphQLMaxDepthExceededException)
                return handler?.Invoke(context) ?? Task.CompletedTask;
            context.Exception = new DocumentTooDeepError(context.OriginalException);
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Keeps the first <paramref name="maxErrors"/> errors and one saying the rest were dropped, so a document that
    /// fails everywhere cannot make the answer megabytes long.
    /// </summary>
    public static void CapErrors(ExecutionResult result, int maxErrors)
    {
        if (result.Errors is not { } errors || errors.Count <= maxErrors)
            return;
        var capped = new ExecutionErrors();
        foreach (var error in errors.Take(maxErrors))
            capped.Add(error);
        capped.Add(new ExecutionError($"The request caused {errors.Count} errors; only the first {maxErrors} are reported.") { Code = "TOO_MANY_ERRORS" });
        result.Errors = capped;
    }
}
