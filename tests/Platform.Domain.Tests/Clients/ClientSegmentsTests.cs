using Platform.Domain.Clients;

namespace Platform.Domain.Tests.Clients;

public sealed class ClientSegmentsTests
{
    [Theory]
    [InlineData(true, true, ClientSegment.Key)]
    [InlineData(true, false, ClientSegment.DevelopingKey)]
    [InlineData(false, true, ClientSegment.Maintained)]
    [InlineData(false, false, ClientSegment.Occasional)]
    public void Of_EachCellOfTheTwoSidedMatrix_IsItsSegment(bool weWantClient, bool clientLikesUs, ClientSegment expected)
    {
        Assert.Equal(expected, ClientSegments.Of(weWantClient, clientLikesUs));
    }
}
