using Platform.GraphQL.Server.Relay;

namespace Platform.GraphQL.Server.Tests.Relay;

public sealed class GlobalIdTests
{
    [Theory]
    [InlineData("Lead", 1)]
    [InlineData("StaffUser", long.MaxValue)]
    public void Encode_ThenDecode_RoundTrips(string type, long id)
    {
        var encoded = GlobalId.Encode(type, id);
        Assert.DoesNotContain(type, encoded); // opaque, not readable at a glance
        Assert.True(GlobalId.TryDecode(encoded, out var decodedType, out var decodedId));
        Assert.Equal((type, id), (decodedType, decodedId));
        Assert.Equal(id, GlobalId.TryDecode(encoded, type));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 ***")]
    [InlineData("TGVhZA")] // "Lead" without an id
    [InlineData("TGVhZDotMQ")] // "Lead:-1"
    [InlineData("OjE")] // ":1"
    public void Decode_Malformed_IsFalse(string? value)
    {
        Assert.False(GlobalId.TryDecode(value, out _, out _));
    }

    [Fact]
    public void Decode_OfAnotherType_IsNull()
    {
        Assert.Null(GlobalId.TryDecode(GlobalId.Encode("Client", 5), "Lead"));
    }
}
