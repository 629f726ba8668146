using System.Diagnostics.Metrics;
using Platform.Api.Leads.Spool;
using Platform.Api.Leads.Submission;

namespace Platform.Api.Observability;

/// <summary>What became of <c>submitLead</c> calls, and how many submissions wait in this node's spool.</summary>
public sealed class LeadIntakeMetrics
{
    private readonly Counter<long> _submissions;

    public LeadIntakeMetrics(IMeterFactory meters, SubmissionSpool spool)
    {
        var meter = meters.Create(PlatformTelemetry.Name);
        _submissions = meter.CreateCounter<long>("platform.leads.submissions", "{submission}",
            "submitLead calls by outcome: accepted (stored), queued (kept in the spool during an outage) or rejected (errors).");
        meter.CreateObservableGauge("platform.leads.spool.depth", () => spool.Depth, "{submission}",
            "Submissions waiting in this node's spool for the database.");
    }

    /// <summary>Counts the answer <paramref name="payload"/> one call got.</summary>
    public void Record(SubmitLeadPayload payload)
    {
        if (!_submissions.Enabled)
            return;
        var outcome = payload.Receipt?.Status switch
        {
            ReceiptStatus.Accepted => "accepted",
            ReceiptStatus.Queued => "queued",
            _ => "rejected",
        };
        _submissions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }
}
