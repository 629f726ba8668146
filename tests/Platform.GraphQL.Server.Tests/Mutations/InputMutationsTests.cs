using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Platform.GraphQL.Server.Mutations;

namespace Platform.GraphQL.Server.Tests.Mutations;

public sealed class InputMutationsTests
{
    [Fact]
    public void InputMutation_DeclaresANonNullInputAndANonNullPayload()
    {
        var field = Mutation().GetField("greet")!;

        Assert.Equal(typeof(NonNullGraphType<GreetPayloadType>), field.Type);
        Assert.Equal("Greets someone.", field.Description);
        var input = Assert.Single(field.Arguments!);
        Assert.Equal(("input", typeof(NonNullGraphType<GreetInputType>), "Who to greet."), (input.Name, input.Type, input.Description));
    }

    [Fact]
    public async Task Resolve_CallsTheRequestsServiceWithTheParsedInput()
    {
        using var services = new ServiceCollection().AddScoped<Greeter>().BuildServiceProvider();
        var schema = new Schema { Query = new QueryType(), Mutation = Mutation() };

        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = """mutation { greet(input: { name: "Ada" }) { text } }""";
            options.RequestServices = services;
        });

        Assert.Equal("""{"data":{"greet":{"text":"Hello, Ada"}}}""", new GraphQLSerializer().Serialize(result));
    }

    private static ObjectGraphType Mutation()
    {
        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.InputMutation<GreetPayloadType, GreetInputType>("greet", "Greets someone.", "Who to greet.")
            .Resolve((Greeter greeter, GreetInput input, CancellationToken ct) => greeter.GreetAsync(input.Name, ct));
        return mutation;
    }

    private sealed class Greeter
    {
        public Task<GreetPayload> GreetAsync(string name, CancellationToken ct) => Task.FromResult(new GreetPayload($"Hello, {name}"));
    }

    private sealed class GreetInput
    {
        public string Name { get; set; } = "";
    }

    private sealed record GreetPayload(string Text);

    private sealed class GreetInputType : InputObjectGraphType<GreetInput>
    {
        public GreetInputType()
        {
            Name = "GreetInput";
            Field(x => x.Name);
        }
    }

    private sealed class GreetPayloadType : ObjectGraphType<GreetPayload>
    {
        public GreetPayloadType()
        {
            Name = "GreetPayload";
            Field(x => x.Text);
        }
    }

    private sealed class QueryType : ObjectGraphType
    {
        public QueryType()
        {
            Name = "Query";
            Field<StringGraphType>("hello").Resolve(_ => "hello");
        }
    }
}
