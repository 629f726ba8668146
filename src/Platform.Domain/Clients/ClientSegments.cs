namespace Platform.Domain.Clients;

/// <summary>
/// The Kevorkovs' two-sided key-client matrix: whether we want the client
/// and whether the client likes us decide the segment. The fourth cell (neither) is inferred:
/// occasional.
/// </summary>
public static class ClientSegments
{
    /// <summary>The segment of a client from the two answers.</summary>
    public static ClientSegment Of(bool weWantClient, bool clientLikesUs) => (weWantClient, clientLikesUs) switch
    {
        (true, true) => ClientSegment.Key,
        (true, false) => ClientSegment.DevelopingKey,
        (false, true) => ClientSegment.Maintained,
        (false, false) => ClientSegment.Occasional,
    };
}
