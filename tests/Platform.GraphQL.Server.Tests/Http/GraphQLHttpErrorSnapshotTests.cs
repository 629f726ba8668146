using System.Text;
using Platform.Testing;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>Pins the exact status, media type and body of each transport error, so a wording change shows in review.</summary>
public sealed class GraphQLHttpErrorSnapshotTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    [Fact]
    public async Task RequestErrors_Responses_MatchSnapshot()
    {
        var cases = new (string Name, Func<Task<GraphQLHttpResponse>> Send)[]
        {
            ("malformed JSON", () => host.PostAsync(Default, """{"query":""")),
            ("missing query", () => host.PostAsync(Default, """{"variables":{}}""")),
            ("variables not an object", () => host.PostAsync(Default, """{"query":"{ hello }","variables":"{}"}""")),
            ("batch while batching is off", () => host.PostAsync(Default, """[{"query":"{ hello }"}]""")),
            ("body over the limit", () => host.PostAsync(Small, new string(' ', SmallLimit + 1))),
            ("unsupported content type", () => host.PostAsync(Default, "{ hello }", contentType: "application/graphql")),
            ("not acceptable", () => host.PostAsync(Default, """{"query":"{ hello }"}""", accept: "text/csv")),
            ("mutation over GET", () => host.GetAsync(Query(Default, ("query", """mutation { echo(text: "x") }""")))),
            ("variables not JSON over GET", () => host.GetAsync(Query(Default, ("query", "{ hello }"), ("variables", "{")))),
            ("unexpected exception", () => host.PostAsync(Faulty, """{"query":"{ hello }"}""")),
        };

        var transcript = new StringBuilder();
        foreach (var (name, send) in cases)
        {
            var response = await send();
            transcript.Append("## ").AppendLine(name)
                .Append((int)response.StatusCode).Append(' ').AppendLine(response.ContentType?.ToString())
                .AppendLine(response.Text)
                .AppendLine();
        }

        MarkdownSnapshot.Match("RequestErrors", [("Transcript", "text", transcript.ToString())]);
    }
}
