using GraphQL;
using GraphQL.Types;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed class TestQuery : ObjectGraphType
{
    /// <summary>Thrown by <c>boom</c>; must never reach a response.</summary>
    public const string SecretFailure = "connection string Password=hunter2 rejected";

    public TestQuery()
    {
        Name = "Query";
        Field<StringGraphType>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(context => $"Hello, {context.GetArgument<string?>("name") ?? "world"}!");
        Field<StringGraphType>("boom")
            .Resolve(_ => throw new InvalidOperationException(SecretFailure));
        Field<StringGraphType>("greeting")
            .Resolve(context => context.UserContext.TryGetValue("greeting", out var greeting) ? greeting : null);
        Field<StringGraphType>("me")
            .Resolve(context => context.User?.Identity?.Name);
    }
}
