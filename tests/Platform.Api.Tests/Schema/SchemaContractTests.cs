using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.GraphQL;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Schema;

public sealed class SchemaContractTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public void Schema_MatchesPublishedContract()
    {
        var printed = SchemaExport.Print(api.Services);
        var path = RepositoryFiles.PathOf("schema", "schema.graphql");
        var published = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(printed == published,
            $"schema/schema.graphql differs from the schema the code builds. Review the change, then regenerate it with: {SchemaExport.Command}");
    }

    [Fact]
    public void Schema_EveryTypeFieldArgumentAndEnumValueHasADescription()
    {
        var schema = api.Services.GetRequiredService<PlatformSchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__") && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
                missing.Add(type.Name);
            if (type is IComplexGraphType complex)
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                        missing.Add($"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(argument.Description))
                            missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                }
            if (type is EnumerationGraphType enumeration)
                foreach (var value in enumeration.Values)
                    if (string.IsNullOrWhiteSpace(value.Description))
                        missing.Add($"{type.Name}.{value.Name}");
        }
        Assert.True(missing.Count == 0, "Without a description: " + string.Join(", ", missing));
    }
}
