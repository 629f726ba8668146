using System.Security.Cryptography;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Platform.GraphQL.Server.Authorization;
using Platform.GraphQL.Server.GraphiQL;
using Platform.GraphQL.Server.Telemetry;
using Platform.GraphQL.Server.WebSockets;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// Serves GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): negotiates the response media type,
/// reads GET and POST requests, executes them with the schema's executer and streams the result. WebSocket upgrades go to
/// the graphql-transport-ws transport when it is on.
/// </summary>
internal sealed class GraphQLHttpEndpoint<TSchema>(GraphQLHttpOptions options, ILogger logger, OperationTelemetry telemetry)
    where TSchema : ISchema
{
    private readonly GraphQLWebSocketUpgrade<TSchema>? _webSockets = options.WebSockets is { } webSockets
        ? new GraphQLWebSocketUpgrade<TSchema>(options, webSockets, logger)
        : null;

    public async Task HandleAsync(HttpContext context)
    {
        if (_webSockets is not null && context.WebSockets.IsWebSocketRequest)
        {
            await _webSockets.HandleAsync(context);
            return;
        }

        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var accept = request.Headers.Accept;
        if (isGet)
        {
            // The same URL answers HTML or JSON depending on Accept; caches must key on it.
            context.Response.Headers.Vary = HeaderNames.Accept;
            if (options.EnableGraphiQL && AcceptHeader.AcceptsHtml(accept))
            {
                await GraphiQLPage.WriteAsync(context, options.GraphiQLSchemaWithoutToken);
                return;
            }
        }

        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        var mediaType = AcceptHeader.SelectResponseMediaType(accept);
        if (mediaType == ResponseMediaType.None)
        {
            await WriteErrorAsync(context, serializer, GraphQLHttpErrors.NotAcceptable(), ResponseMediaType.Json);
            return;
        }
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            await WriteErrorAsync(context, serializer, GraphQLHttpErrors.MethodNotAllowed(), mediaType);
            return;
        }

        try
        {
            var parsed = isGet
                ? GraphQLGetRequestParser.Parse(request.Query, serializer)
                : await GraphQLPostRequestParser.ParseAsync(request, options, serializer, context.RequestAborted);
            if (parsed.Error is { } error)
            {
                await WriteErrorAsync(context, serializer, error, mediaType);
                return;
            }

            var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<TSchema>>();
            if (parsed.Batch is { } batch)
            {
                // Sequential: the operations share the request's scoped services (a DbContext is not thread-safe).
                // One status cannot describe mixed outcomes, so a batch is 200 and each result carries its errors,
                // unless every result failed with the same IHttpStatusError status (e.g. all 503 during an outage).
                var results = new ExecutionResult[batch.Length];
                for (var i = 0; i < batch.Length; i++)
                    results[i] = await ExecuteAsync(context, executer, batch[i], isGet);
                var statusErrors = results.Select(StatusErrorOf).ToArray();
                var shared = statusErrors.All(e => e is not null && e.StatusCode == statusErrors[0]!.StatusCode) ? statusErrors[0] : null;
                if (shared?.RetryAfterSeconds is { } batchRetryAfter)
                    context.Response.Headers.RetryAfter = batchRetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(context, serializer, shared?.StatusCode ?? StatusCodes.Status200OK, mediaType, results);
                return;
            }

            var result = await ExecuteAsync(context, executer, parsed.Single!, isGet);
            var statusCode = StatusCodeOf(result, mediaType);
            if (statusCode == StatusCodes.Status405MethodNotAllowed)
                context.Response.Headers.Allow = HttpMethods.Post;
            else if (statusCode == StatusCodes.Status401Unauthorized)
                context.Response.Headers.WWWAuthenticate = options.AuthenticationChallenge;
            if (StatusErrorOf(result) is { RetryAfterSeconds: { } retryAfter })
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (isGet && statusCode == StatusCodes.Status200OK && result.Errors is null && options.GetCacheControl is { } cacheControl)
                await WriteCacheableAsync(context, serializer, mediaType, result, cacheControl);
            else
                await WriteAsync(context, serializer, statusCode, mediaType, result);
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The request-timeout middleware cancels RequestAborted too, and only it can tell its timeout (answered with
            // GraphQLHttpTimeout's error) from a client that went away: hand it a cancellation whatever the failure was.
            if (context.Features.Get<IHttpRequestTimeoutFeature>() is { RequestTimeoutToken.IsCancellationRequested: true })
            {
                if (exception is OperationCanceledException)
                    throw;
                throw new OperationCanceledException("The request was cancelled.", exception, context.RequestAborted);
            }
            // Without the middleware only the client cancels: nobody is left to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            logger.LogError(exception, "GraphQL request to {Path} failed unexpectedly.", request.Path);
            context.Response.Clear();
            await WriteErrorAsync(context, serializer, GraphQLHttpErrors.Internal(), mediaType);
        }
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext context, IDocumentExecuter<TSchema> executer, GraphQLRequest request, bool isGet)
    {
        var (span, started) = telemetry.Start();
        using (span)
        {
            var executionOptions = await TransportExecution.CreateOptionsAsync(options, context, request, context.RequestServices, context.User, context.RequestAborted);
            // After the product's hook, so rules it sets are extended rather than replaced.
            HttpMethodValidationRule.AddTo(executionOptions, isGet);
            var result = await executer.ExecuteAsync(executionOptions);
            TransportExecution.CapErrors(result, options.MaxErrors);
            telemetry.Stop(span, started, request, executionOptions, result);
            return result;
        }
    }

    /// <summary>
    /// An <see cref="IHttpStatusError"/> decides first, executed or not (a client over its cost budget is 429, a
    /// service that is down 503). Otherwise 200 once execution started (field errors are a partial response). A result
    /// that never executed failed as a request (parse, validation, operation selection, variable coercion): 400 with
    /// application/graphql-response+json, 200 with legacy application/json, as the spec says for each. A mutation over
    /// GET is 405 with either; a request that needs authentication and has none is 401 with either.
    /// </summary>
    private static int StatusCodeOf(ExecutionResult result, ResponseMediaType mediaType)
    {
        if (StatusErrorOf(result) is { } statusError)
            return statusError.StatusCode;
        if (result.Executed)
            return StatusCodes.Status200OK;

        var isGraphQLResponse = mediaType == ResponseMediaType.GraphQLResponseJson;
        var statusCode = isGraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (result.Errors is not { } errors)
            return statusCode;
        foreach (var error in errors)
        {
            if (error is MutationOverGetError)
                return StatusCodes.Status405MethodNotAllowed;
            if (error is AuthenticationRequiredError)
                return StatusCodes.Status401Unauthorized;
            // GraphQL.NET caught a server fault before execution; not the client's doing.
            if (error is UnhandledError && isGraphQLResponse)
                statusCode = StatusCodes.Status500InternalServerError;
        }
        return statusCode;
    }

    private static IHttpStatusError? StatusErrorOf(ExecutionResult result) => result.Errors?.OfType<IHttpStatusError>().FirstOrDefault();

    /// <summary>Writes a successful GET answer with an <c>ETag</c> of its body, or 304 without a body when the client holds it already.</summary>
    private static async Task WriteCacheableAsync(HttpContext context, IGraphQLSerializer serializer, ResponseMediaType mediaType, ExecutionResult result, string cacheControl)
    {
        using var body = new MemoryStream();
        await serializer.WriteAsync(body, result, context.RequestAborted);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)))}\"");
        var response = context.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = cacheControl;
        // The answer depends on the caller's token as well.
        response.Headers.Vary = $"{HeaderNames.Accept}, {HeaderNames.Authorization}";
        if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var held) && held.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GraphQLMediaTypes.ContentTypeOf(mediaType);
        body.Position = 0;
        await body.CopyToAsync(response.Body, context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, IGraphQLSerializer serializer, GraphQLHttpError error, ResponseMediaType mediaType)
    {
        if (error.StatusCode == StatusCodes.Status405MethodNotAllowed)
            context.Response.Headers.Allow = "GET, POST";
        return WriteAsync(context, serializer, error.StatusCode, mediaType, new ExecutionResult(error));
    }

    private static Task WriteAsync<TResult>(HttpContext context, IGraphQLSerializer serializer, int statusCode, ResponseMediaType mediaType, TResult result)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = GraphQLMediaTypes.ContentTypeOf(mediaType);
        return serializer.WriteAsync(response.Body, result, context.RequestAborted);
    }
}
