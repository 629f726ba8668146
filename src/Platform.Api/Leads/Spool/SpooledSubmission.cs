using System.Text.Json;
using Platform.Api.Leads.Submission;
using Platform.Data;

namespace Platform.Api.Leads.Spool;

/// <summary>
/// A submission as the spool keeps it: the form, where it came from and who sent it, so that it is stored later exactly
/// as it would have been at once.
/// </summary>
public sealed record SpooledSubmission(SubmitLeadInput Input, SubmissionContext From, SpooledActor By)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SpooledSubmission FromJson(string json) =>
        JsonSerializer.Deserialize<SpooledSubmission>(json, Json) ?? throw new JsonException("An empty spool entry.");
}

/// <summary>The caller of a spooled submission, as it was when the submission was made.</summary>
public sealed record SpooledActor(string? Name, string? ClientId, long? PartnerId, long? LeadOwnerId) : ICurrentActor
{
    public static SpooledActor Of(ICurrentActor actor) => new(actor.Name, actor.ClientId, actor.PartnerId, actor.LeadOwnerId);
}
