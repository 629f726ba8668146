namespace Platform.Api.Availability;

/// <summary>
/// Thrown instead of opening a connection while <see cref="DatabaseAvailability"/> knows the database is unreachable:
/// requests fail at once rather than each waiting for its own connect timeout. Answered with 503.
/// </summary>
public sealed class DatabaseUnavailableException()
    : Exception("The database is unavailable; it is probed in the background and used again once it answers.");
