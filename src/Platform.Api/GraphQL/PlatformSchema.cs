using GraphQL.Types;
using Platform.Api.Auditing;
using Platform.Api.Events;
using Platform.Api.Security;
using Platform.GraphQL.Server.Descriptions;

namespace Platform.Api.GraphQL;

/// <summary>The one Platform schema: leads, clients, deals, orders, referrals and KPIs.</summary>
public sealed class PlatformSchema : Schema
{
    public PlatformSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription) : base(services)
    {
        Description = "Platform: leads, clients, deals, orders, referral programs and KPIs for sales integrations, and their changes as they happen.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        FieldAccess.ApplyTo(query, mutation, subscription);
        RegisterVisitor(new XmlDocDescriptions());
        RegisterVisitor(new FieldAccess.NestedFields());
        MutationAudit.ApplyTo(mutation);
    }
}
