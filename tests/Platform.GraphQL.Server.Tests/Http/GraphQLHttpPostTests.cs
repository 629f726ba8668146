using System.Net;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed class GraphQLHttpPostTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    [Fact]
    public async Task Post_Query_Returns200WithData()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("utf-8", response.ContentType?.CharSet);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", response.Text);
    }

    [Fact]
    public async Task Post_ContentTypeWithCharset_IsAccepted()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ hello }"}""", contentType: "application/json; charset=UTF-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_Variables_AreCoercedIntoArguments()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default,
            """{"query":"query ($name: String) { hello(name: $name) }","variables":{"name":"Ada"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, Ada!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_NullOptionalParameters_AreTreatedAsAbsent()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default,
            """{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400WithInvalidJsonCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("INVALID_JSON", response.ErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_MalformedJsonAcceptingJson_Returns400WithInvalidJsonCode()
    {
        // The spec asks for 400 with application/json too: the request is not a well-formed GraphQL-over-HTTP request.
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, "NONSENSE", accept: Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Json, response.MediaType);
        Assert.Equal("INVALID_JSON", response.ErrorCode);
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400WithInvalidJsonCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_JSON", response.ErrorCode);
    }

    [Fact]
    public async Task Post_BodyNotAnObject_Returns400WithInvalidRequestCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, "\"{ hello }\"");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", response.ErrorCode);
    }

    [Fact]
    public async Task Post_MissingQuery_Returns400WithMissingQueryCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"qeury":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("MISSING_QUERY", response.ErrorCode);
    }

    [Fact]
    public async Task Post_QueryNotAString_Returns400WithInvalidRequestCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":{"hello":true}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", response.ErrorCode);
        Assert.Contains("'query'", response.ErrorMessage);
    }

    [Fact]
    public async Task Post_VariablesNotAnObject_Returns400WithInvalidVariablesCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ hello }","variables":[7]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_VARIABLES", response.ErrorCode);
    }

    [Fact]
    public async Task Post_SyntaxError_Returns400WithSyntaxErrorCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("SYNTAX_ERROR", response.ErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_SyntaxErrorAcceptingJson_Returns200WithErrors()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{"}""", accept: Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, response.MediaType);
        Assert.Equal("SYNTAX_ERROR", response.ErrorCode);
    }

    [Fact]
    public async Task Post_ValidationError_Returns400WithValidationCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ nope }"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", response.ErrorCode);
    }

    [Fact]
    public async Task Post_VariableOfWrongType_Returns400WithGraphQLResponseJson()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default,
            """{"query":"query ($name: String) { hello(name: $name) }","variables":{"name":{"not":"a string"}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("INVALID_VALUE", response.ErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_VariableOfWrongTypeAcceptingJson_Returns200WithErrors()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default,
            """{"query":"query ($name: String) { hello(name: $name) }","variables":{"name":{"not":"a string"}}}""", accept: Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, response.MediaType);
        Assert.Equal("INVALID_VALUE", response.ErrorCode);
    }

    [Fact]
    public async Task Post_OperationName_SelectsThatOperation()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default,
            """{"query":"query A { hello(name: \"A\") } query B { hello(name: \"B\") }","operationName":"B"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, B!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_UnknownOperationName_Returns400WithInvalidOperationCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default,
            """{"query":"query A { hello } query B { hello }","operationName":"C"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_OPERATION_NAME", response.ErrorCode);
    }

    [Fact]
    public async Task Post_ThrowingResolver_Returns200WithMaskedError()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ hello boom }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("boom", GraphQLHttpResponse.ErrorAt(response.Json, 0).GetProperty("path")[0].GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", response.ErrorCode);
        Assert.DoesNotContain("hunter2", response.Text);
        Assert.DoesNotContain("InvalidOperationException", response.Text);
        Assert.DoesNotContain(" at ", response.Text);
    }

    [Fact]
    public async Task Post_ResolverThrowingStatusError_AnswersItsStatusAndRetryAfter()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ hello unavailable }"}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal(TestQuery.RetryAfterSeconds.ToString(), response.Headers.RetryAfter?.ToString());
        Assert.Equal("SERVICE_UNAVAILABLE", response.ErrorCode);
        Assert.Equal("Down for a moment.", response.ErrorMessage);
    }

    [Fact]
    public async Task Post_Mutation_Executes()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"mutation { echo(text: \"hi\") }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", response.Json.GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Post_Subscription_Returns400WithSubscriptionNotSupportedCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"subscription { ticks }"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SUBSCRIPTION_NOT_SUPPORTED", response.ErrorCode);
    }

    [Fact]
    public async Task Post_ConfigureExecution_RunsBeforeExecution()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ greeting }"}""");

        Assert.Equal(GraphQLHttpTestHost.HookGreeting, response.Json.GetProperty("data").GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task Post_HttpContextUser_ReachesResolvers()
    {
        var response = await host.SendAsync(HttpMethod.Post, GraphQLHttpTestHost.Default, accept: null,
            new StringContent("""{"query":"{ me }"}"""), "application/json", user: "ada");

        Assert.Equal("ada", response.Json.GetProperty("data").GetProperty("me").GetString());
    }

    [Fact]
    public async Task Post_UnexpectedException_Returns500WithMaskedMessage()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Faulty, """{"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("INTERNAL_SERVER_ERROR", response.ErrorCode);
        Assert.DoesNotContain("hunter2", response.Text);
        Assert.DoesNotContain("InvalidOperationException", response.Text);
    }

    [Fact]
    public async Task Post_FaultBeforeExecution_Returns500WithMaskedMessage()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.FaultyValidation, """{"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.DoesNotContain("hunter2", response.Text);
        Assert.DoesNotContain("InvalidOperationException", response.Text);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_UnsupportedContentType_Returns415WithUnsupportedMediaTypeCode(string contentType)
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ hello }"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.ErrorCode);
    }

    [Fact]
    public async Task Post_MissingContentType_Returns415WithUnsupportedMediaTypeCode()
    {
        var response = await host.PostAsync(GraphQLHttpTestHost.Default, """{"query":"{ hello }"}""", contentType: null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.ErrorCode);
    }
}
