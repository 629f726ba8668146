using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GraphQL;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.WebSockets;

/// <summary>
/// The <c>next</c> messages of one endpoint. A result is serialized once however many operations send it (subscribers
/// that share an event's result, <c>SharedEventExecutionStrategy</c>); each message only wraps those bytes with its id.
/// </summary>
internal sealed class NextMessages(int maxErrors)
{
    private static readonly byte[] TypeAndPayload = Encoding.UTF8.GetBytes(",\"type\":\"" + GraphQLWsMessageTypes.Next + "\",\"payload\":");

    // Kept as long as the result lives; Lazy, so concurrent senders serialize (and cap the errors of) a result once.
    private readonly ConditionalWeakTable<ExecutionResult, Lazy<byte[]>> _payloads = new();

    /// <summary><c>{"id":…,"type":"next","payload":…}</c> as UTF-8.</summary>
    public byte[] Message(string id, ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        var payload = _payloads.GetValue(result, r => new Lazy<byte[]>(() =>
        {
            TransportExecution.CapErrors(r, maxErrors);
            return Encoding.UTF8.GetBytes(serializer.Serialize(r));
        })).Value;
        var message = new ArrayBufferWriter<byte>(payload.Length + id.Length + 48);
        using (var writer = new Utf8JsonWriter(message))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.Flush();
        }
        message.Write(TypeAndPayload);
        message.Write(payload);
        message.Write("}"u8);
        return message.WrittenSpan.ToArray();
    }
}
