using Platform.Domain.Leads;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Referrals;

/// <summary>What <c>distributeLeadsToPartners</c> returns.</summary>
public sealed record DistributeLeadsPayload(IReadOnlyList<Lead> Distributed, IReadOnlyList<string> Unmatched, IReadOnlyList<IPayloadError> Errors);
