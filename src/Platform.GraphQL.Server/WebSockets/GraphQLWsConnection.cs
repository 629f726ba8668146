using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.GraphQL.Server.Http;
using Platform.GraphQL.Server.Limits;
using static Platform.GraphQL.Server.WebSockets.GraphQLWsMessageTypes;

namespace Platform.GraphQL.Server.WebSockets;

/// <summary>
/// One graphql-transport-ws socket. One loop reads and handles the client's messages in order; everything sent goes
/// through one queue drained by one writer, so messages keep their order and the close frame is the last thing sent.
/// A client that reads too slowly for its queue (<see cref="GraphQLWebSocketOptions.MaxQueuedMessages"/>) is closed
/// with 1013, so the server neither holds its backlog nor drops part of it; it reconnects with the last event's id.
/// Each operation runs in a service scope of its own, as the socket's authenticated user.
/// </summary>
internal sealed class GraphQLWsConnection<TSchema>(
    WebSocket socket,
    HttpContext context,
    GraphQLHttpOptions options,
    GraphQLWebSocketOptions webSockets,
    WebSocketClientConnections clients,
    NextMessages nextMessages,
    ILogger logger)
    where TSchema : ISchema
{
    // How long a client that was sent the close frame has to answer it before the read loop gives up on it.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly IGraphQLTextSerializer _serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
    private readonly TimeProvider _time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    // Cancelled when the socket broke or the client did not answer the close frame: stops the read loop.
    private readonly CancellationTokenSource _closed = new();
    // Operations by id while the client may not reuse the id; the running ones until they finished.
    private readonly ConcurrentDictionary<string, GraphQLWsOperation> _operations = new();
    private readonly ConcurrentDictionary<GraphQLWsOperation, Task> _running = new();
    private int _initReceived;
    // Messages queued and not yet sent, against MaxQueuedMessages; once over it, the rest are dropped and the socket closed.
    private int _queued;
    private volatile bool _overflowed;
    private ClaimsPrincipal? _user;
    private string? _client;
    private ITimer? _expiry;
    private ITimer? _closeHandshake;

    public async Task RunAsync()
    {
        var writing = WriteAsync();
        // A stopping server waits for its requests, this socket's too: the client is told to go elsewhere (and resumes
        // its subscriptions there from the last event's id) after what was queued for it.
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using (stopping.Register(() => Close(GraphQLWsCloseCodes.GoingAway, "Server shutting down")))
        using (_time.CreateTimer(_ => CloseUnlessInitialised(), null, webSockets.ConnectionInitTimeout, Timeout.InfiniteTimeSpan))
        {
            try
            {
                await ReadAsync();
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // Closed by this side (the read was cancelled) or the client went away.
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "GraphQL WebSocket connection failed unexpectedly.");
                Close((int)WebSocketCloseStatus.InternalServerError, "Internal server error");
            }
        }

        // Answers a client's close, or ends a socket that broke; no-op when a close was sent already.
        Close((int)WebSocketCloseStatus.NormalClosure, "");
        await writing;
        _expiry?.Dispose();
        _closeHandshake?.Dispose();
        foreach (var operation in _running.Keys)
            operation.Cancel();
        // Operations use the request's services: they must be done before the request ends.
        await Task.WhenAll(_running.Values);
        if (_client is not null)
            clients.Close(_client);
    }

    private void CloseUnlessInitialised()
    {
        if (Volatile.Read(ref _initReceived) == 0)
            Close(GraphQLWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
    }

    /// <summary>Reads and handles messages until either side closes.</summary>
    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.GetMemory(4096), _closed.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    return;
                buffer.Advance(received.Count);
                if (buffer.WrittenCount > options.MaxRequestBytes)
                {
                    Close((int)WebSocketCloseStatus.MessageTooBig, "Message too big");
                    return;
                }
            }
            while (!received.EndOfMessage);

            if (received.MessageType != WebSocketMessageType.Text)
            {
                Close(GraphQLWsCloseCodes.BadRequest, "Invalid message: binary messages are not supported");
                return;
            }
            if (!GraphQLWsMessage.TryParse(buffer.WrittenMemory, out var message, out var error))
            {
                Close(GraphQLWsCloseCodes.BadRequest, error);
                return;
            }

            switch (message.Type)
            {
                case ConnectionInit:
                    if (!await InitialiseAsync(message.Payload))
                        return;
                    break;
                case Ping:
                    Send(new OperationMessage { Type = Pong, Payload = message.Payload });
                    break;
                case Pong:
                    break;
                case Subscribe:
                    if (!Start(message.Id!, message.Payload!.Value))
                        return;
                    break;
                case Complete:
                    if (_operations.TryRemove(message.Id!, out var operation))
                        operation.Cancel();
                    break;
                default:
                    Close(GraphQLWsCloseCodes.BadRequest, $"Invalid message: unexpected type {message.Type}");
                    return;
            }
        }
    }

    private async ValueTask<bool> InitialiseAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            Close(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return false;
        }

        var auth = webSockets.Authenticate is { } authenticate
            ? await authenticate(context, payload, context.RequestAborted)
            : WebSocketAuthResult.Accepted(context.User, null);
        if (auth.User is not { } user)
        {
            Close(GraphQLWsCloseCodes.Forbidden, "Forbidden");
            return false;
        }
        if (CallerKey.Of(user) is { } client)
        {
            if (!clients.TryOpen(client, webSockets.MaxConnectionsPerClient))
            {
                Close(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many connections");
                return false;
            }
            _client = client;
        }

        // Services that read the caller from the HTTP context (an audit stamp, row filters) see the socket's user.
        context.User = user;
        _user = user;
        if (auth.ExpiresAt is { } expiresAt)
        {
            var left = expiresAt - _time.GetUtcNow();
            _expiry = _time.CreateTimer(_ => Close(GraphQLWsCloseCodes.Forbidden, "Forbidden: the token expired"), null,
                left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        Send(new OperationMessage { Type = ConnectionAck });
        return true;
    }

    private bool Start(string id, JsonElement payload)
    {
        if (_user is null)
        {
            Close(GraphQLWsCloseCodes.Unauthorized, "Unauthorized");
            return false;
        }
        if (GraphQLRequestJsonReader.TryRead(payload, _serializer, batchIndex: null, out var request) is { } invalid)
        {
            Close(GraphQLWsCloseCodes.BadRequest, $"Invalid message: {invalid.Message}");
            return false;
        }
        var operation = new GraphQLWsOperation(id);
        if (!_operations.TryAdd(id, operation))
        {
            Close(GraphQLWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return false;
        }
        if (_operations.Count > webSockets.MaxSubscriptionsPerConnection)
        {
            _operations.TryRemove(new KeyValuePair<string, GraphQLWsOperation>(id, operation));
            Send(new OperationMessage
            {
                Id = id,
                Type = Error,
                Payload = new[]
                {
                    new ExecutionError($"A connection may run at most {webSockets.MaxSubscriptionsPerConnection} operations at once.") { Code = "TOO_MANY_SUBSCRIPTIONS" },
                },
            });
            return true;
        }

        // Registered before it starts, so the socket's end waits for it however fast it finishes.
        var run = new Task<Task>(() => RunAsync(operation, request, _user));
        _running[operation] = run.Unwrap();
        run.Start(TaskScheduler.Default);
        return true;
    }

    private async Task RunAsync(GraphQLWsOperation operation, GraphQLRequest request, ClaimsPrincipal user)
    {
        try
        {
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var result = await ExecuteAsync(scope.ServiceProvider, request, user, operation.Cancellation);
            if (result.Streams?.Values.SingleOrDefault() is { } stream)
            {
                using (stream.Subscribe(new StreamObserver(this, operation)))
                    await operation.Ended;
            }
            else if (IsRequestError(result))
            {
                TransportExecution.CapErrors(result, options.MaxErrors);
                if (End(operation))
                    Send(new OperationMessage { Id = operation.Id, Type = Error, Payload = result.Errors });
            }
            else if (End(operation))
            {
                SendNext(operation, result);
                Send(new OperationMessage { Id = operation.Id, Type = Complete });
            }
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "GraphQL WebSocket operation {Id} failed unexpectedly.", operation.Id);
            if (End(operation))
                Send(new OperationMessage { Id = operation.Id, Type = Error, Payload = new[] { new UnhandledError("Operation failed.", exception) } });
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, GraphQLWsOperation>(operation.Id, operation));
            _running.TryRemove(operation, out _);
        }
    }

    private async Task<ExecutionResult> ExecuteAsync(IServiceProvider services, GraphQLRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var executionOptions = await TransportExecution.CreateOptionsAsync(options, context, request, services, user, cancellationToken);
        return await services.GetRequiredService<IDocumentExecuter<TSchema>>().ExecuteAsync(executionOptions);
    }

    /// <summary>
    /// A request that failed before anything ran: parsing, validation, or an operation the schema has no root type for
    /// (which GraphQL.NET reports after validation). Answered with <c>error</c>, not a result.
    /// </summary>
    private static bool IsRequestError(ExecutionResult result) =>
        !result.Executed || (result.Data is null && result.Errors is { Count: > 0 } errors && errors.All(error => error is DocumentError));

    /// <summary>Ends an operation this side finished, freeing its id before the message that says so is queued.</summary>
    private bool End(GraphQLWsOperation operation)
    {
        if (!operation.TryEnd())
            return false;
        _operations.TryRemove(new KeyValuePair<string, GraphQLWsOperation>(operation.Id, operation));
        return true;
    }

    // Serialized by the writer, off the thread that delivers events to every subscriber.
    private void SendNext(GraphQLWsOperation operation, ExecutionResult result) => Enqueue(new Outgoing(null, operation.Id, result, null, null));

    private void Send(OperationMessage message) =>
        Enqueue(new Outgoing(Encoding.UTF8.GetBytes(_serializer.Serialize(message)), null, null, null, null));

    private void Enqueue(Outgoing outgoing)
    {
        if (Interlocked.Increment(ref _queued) > webSockets.MaxQueuedMessages)
        {
            _overflowed = true;
            Close(GraphQLWsCloseCodes.TryAgainLater, $"Too slow: more than {webSockets.MaxQueuedMessages} messages waiting");
            return;
        }
        _outgoing.Writer.TryWrite(outgoing);
    }

    /// <summary>Queues the close frame after what was queued before; the first close wins.</summary>
    private void Close(int code, string reason)
    {
        if (_outgoing.Writer.TryWrite(new Outgoing(null, null, null, code, reason)))
            _outgoing.Writer.TryComplete();
    }

    private async Task WriteAsync()
    {
        var closeSent = false;
        try
        {
            await foreach (var outgoing in _outgoing.Reader.ReadAllAsync())
            {
                if (outgoing.CloseCode is null)
                {
                    Interlocked.Decrement(ref _queued);
                    if (_overflowed)
                        continue;
                    var message = outgoing.Message ?? nextMessages.Message(outgoing.Id!, outgoing.Result!, _serializer);
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
                    continue;
                }
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)outgoing.CloseCode!.Value, CloseReason(outgoing.CloseReason!), context.RequestAborted);
                    closeSent = true;
                }
                break;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
        finally
        {
            // Cancelling a read aborts the socket, and with it a close frame still on its way: a client closed by a
            // timer (an expiry, say) gets the time to read it and answer.
            if (closeSent && socket.State == WebSocketState.CloseSent)
                _closeHandshake = _time.CreateTimer(_ => _closed.Cancel(), null, CloseHandshakeTimeout, Timeout.InfiniteTimeSpan);
            else
                _closed.Cancel();
        }
    }

    /// <summary>A close frame carries at most 123 bytes of reason.</summary>
    private static string CloseReason(string reason)
    {
        while (Encoding.UTF8.GetByteCount(reason) > 123)
            reason = reason[..^1];
        return reason;
    }

    /// <summary>A message (its bytes, or an operation's result to send as <c>next</c>) or the close frame.</summary>
    private sealed record Outgoing(byte[]? Message, string? Id, ExecutionResult? Result, int? CloseCode, string? CloseReason);

    /// <summary>Sends each event of an operation's stream as <c>next</c>, and its end as <c>complete</c> or <c>error</c>.</summary>
    private sealed class StreamObserver(GraphQLWsConnection<TSchema> connection, GraphQLWsOperation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!operation.HasEnded)
                connection.SendNext(operation, value);
        }

        public void OnError(Exception error)
        {
            if (connection.End(operation))
                connection.Send(new OperationMessage { Id = operation.Id, Type = Error, Payload = new[] { error as ExecutionError ?? new UnhandledError("Event stream failed.", error) } });
        }

        public void OnCompleted()
        {
            if (connection.End(operation))
                connection.Send(new OperationMessage { Id = operation.Id, Type = Complete });
        }
    }
}
