using GraphQL.Types;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>The smallest schema that exercises every transport rule: queries, a failing field, a mutation and a subscription.</summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services, TestQuery query, TestMutation mutation, TestSubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
