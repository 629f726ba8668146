namespace Platform.GraphQL.Server.Http;

/// <summary>
/// An error that decides the HTTP status of the response holding it, whether reported before execution (a validation
/// rule) or during it (a resolver, an unhandled-exception handler): e.g. 503 with <c>Retry-After</c> while a service the
/// API depends on is down. In a single result it wins over the transport's own status rules; a batch answers its status
/// only when every result carries one with the same status, else 200.
/// </summary>
public interface IHttpStatusError
{
    /// <summary>The HTTP status of the response.</summary>
    int StatusCode { get; }

    /// <summary>Whole seconds sent in <c>Retry-After</c>; null sends no such header.</summary>
    int? RetryAfterSeconds { get; }
}
