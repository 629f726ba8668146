using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Platform.GraphQL.Server.Execution;

namespace Platform.GraphQL.Server.Tests.Execution;

public sealed class SelectionCachingExecutionStrategyTests
{
    private readonly ISchema _schema = Schema();
    private readonly DocumentExecuter _executer = new(
        new GraphQLDocumentBuilder(),
        new DocumentValidator(),
        new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(new SelectionCachingExecutionStrategy(), GraphQLParser.AST.OperationType.Query)]),
        []);

    [Fact]
    public async Task SameDocumentTwice_AnswersTheSameEachTime()
    {
        var document = Parser.Parse("{ people { name age } }");

        var first = await ExecuteAsync(document);
        var second = await ExecuteAsync(document);

        Assert.Equal("""{"data":{"people":[{"name":"Ada","age":36},{"name":"Alan","age":41}]}}""", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task IncludeAndSkip_FollowEachRequestsVariables()
    {
        var document = Parser.Parse("query($age: Boolean!, $hideName: Boolean!) { people { name @skip(if: $hideName) ...Age @include(if: $age) } } fragment Age on Person { age }");

        var withAge = await ExecuteAsync(document, new() { ["age"] = true, ["hideName"] = false });
        var withoutAge = await ExecuteAsync(document, new() { ["age"] = false, ["hideName"] = true });

        Assert.Equal("""{"data":{"people":[{"name":"Ada","age":36},{"name":"Alan","age":41}]}}""", withAge);
        Assert.Equal("""{"data":{"people":[{},{}]}}""", withoutAge);
    }

    [Fact]
    public async Task OneSelectionOverObjectsOfTwoTypes_SelectsEachTypesOwnFields()
    {
        var document = Parser.Parse("{ things { __typename name ... on Person { age } ... on Robot { model } } }");

        var first = await ExecuteAsync(document);
        var second = await ExecuteAsync(document);

        Assert.Equal("""{"data":{"things":[{"__typename":"Person","name":"Ada","age":36},{"__typename":"Robot","name":"R2","model":"astromech"},{"__typename":"Person","name":"Alan","age":41}]}}""", first);
        Assert.Equal(first, second);
    }

    private async Task<string> ExecuteAsync(GraphQLDocument document, Dictionary<string, object?>? variables = null)
    {
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Document = document;
            options.Variables = variables is null ? null : new Inputs(variables);
        });
        return new GraphQLSerializer().Serialize(result);
    }

    private static Schema Schema()
    {
        var schema = new Schema { Query = new QueryType() };
        schema.RegisterType<RobotType>();
        return schema;
    }

    private sealed record Person(string Name, int Age);

    private sealed record Robot(string Name, string Model);

    private static readonly object[] Things = [new Person("Ada", 36), new Robot("R2", "astromech"), new Person("Alan", 41)];

    private sealed class QueryType : ObjectGraphType
    {
        public QueryType()
        {
            Name = "Query";
            Field<ListGraphType<PersonType>>("people").Resolve(_ => Things.OfType<Person>());
            Field<ListGraphType<ThingType>>("things").Resolve(_ => Things);
        }
    }

    private sealed class ThingType : InterfaceGraphType
    {
        public ThingType()
        {
            Name = "Thing";
            Field<StringGraphType>("name");
        }
    }

    private sealed class PersonType : ObjectGraphType<Person>
    {
        public PersonType()
        {
            Name = "Person";
            Field(x => x.Name);
            Field(x => x.Age);
            Interface<ThingType>();
            IsTypeOf = value => value is Person;
        }
    }

    private sealed class RobotType : ObjectGraphType<Robot>
    {
        public RobotType()
        {
            Name = "Robot";
            Field(x => x.Name);
            Field(x => x.Model);
            Interface<ThingType>();
            IsTypeOf = value => value is Robot;
        }
    }
}
