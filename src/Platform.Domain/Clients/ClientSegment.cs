namespace Platform.Domain.Clients;

/// <summary>
/// Key-client segment (Kevorkovs' matrix) from two questions: do we like
/// the client, and does the client like us.
/// </summary>
public enum ClientSegment
{
    /// <summary>Key client: we want them and they like us; intensive attention.</summary>
    Key,

    /// <summary>Developing key client: could become key if we were a more attractive supplier.</summary>
    DevelopingKey,

    /// <summary>Maintained client: loyal for years; reduce costs and keep the established revenue.</summary>
    Maintained,

    /// <summary>Occasional client: served when profitable.</summary>
    Occasional,
}
