namespace Platform.GraphQL.Server.WebSockets;

/// <summary>The close codes of graphql-transport-ws, and the WebSocket ones for a client too slow to read and a server stopping.</summary>
internal static class GraphQLWsCloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int TryAgainLater = 1013;
    public const int GoingAway = 1001;
}
