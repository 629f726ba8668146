using System.Text.Json;

namespace Platform.GraphQL.Server.WebSockets;

/// <summary>A message a client sent: its type, id and payload, checked against the shape its type needs.</summary>
internal readonly record struct GraphQLWsMessage(string Type, string? Id, JsonElement? Payload)
{
    /// <summary>Parses one text message; false with the reason a 4400 close gives when it is not a valid message.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, out GraphQLWsMessage message, out string error)
    {
        message = default;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            error = "Invalid message: not JSON";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail("Invalid message: not a JSON object", out error);
            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                return Fail("Invalid message: no type", out error);
            var type = typeElement.GetString()!;

            string? id = null;
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
            {
                if (idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } value)
                    return Fail("Invalid message: id must be a non-empty string", out error);
                id = value;
            }

            JsonElement? payload = null;
            if (root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null)
            {
                if (payloadElement.ValueKind != JsonValueKind.Object)
                    return Fail("Invalid message: payload must be an object", out error);
                payload = payloadElement.Clone();
            }

            if (type is GraphQLWsMessageTypes.Subscribe or GraphQLWsMessageTypes.Complete && id is null)
                return Fail($"Invalid message: {type} needs an id", out error);
            if (type is GraphQLWsMessageTypes.Subscribe && payload is null)
                return Fail("Invalid message: subscribe needs a payload", out error);

            message = new GraphQLWsMessage(type, id, payload);
            error = "";
            return true;
        }
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
