using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section: delivery timing, retries and what receivers may be.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this process runs the dispatcher (fan-out, delivery, outbox and delivery retention).</summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>How long a receiver has to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The waits before each retry after a failed attempt; after the last one the delivery fails. Default: <see cref="DefaultRetrySchedule"/>.</summary>
    public TimeSpan[]? RetrySchedule { get; set; }

    /// <summary>5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: over 24 hours in all.</summary>
    public static readonly TimeSpan[] DefaultRetrySchedule =
        [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)];

    /// <summary>Each wait is lengthened by up to this share at random, so receivers coming back are not hit all at once.</summary>
    [Range(0.0, 1.0)]
    public double Jitter { get; set; } = 0.1;

    /// <summary>A subscription whose every attempt failed for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the old secret still signs after <c>rotateWebhookSecret</c>.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a claimed delivery is held; a dispatcher that dies lets it go after this. Longer than <see cref="Timeout"/>.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries claimed (and events fanned out) at a time.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the outbox and the deliveries are looked at when this process commits nothing.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Fanned-out outbox events older than this are deleted.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Deliveries done (succeeded or failed for good) whose last attempt is older than this are deleted.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Outside Development, whether receivers on this machine (loopback, over http too) are allowed; private,
    /// link-local and unspecified addresses stay refused. For tests and a receiver run beside the API.
    /// </summary>
    public bool AllowLoopbackReceivers { get; set; }

    /// <summary>
    /// The most deliveries of one subscription and aggregate a claim takes, sent one after another: as many as could each
    /// take the whole <see cref="Timeout"/> and still leave a <see cref="Timeout"/> of the lease to record them.
    /// </summary>
    public int ChainLength => Math.Max(1, (int)(ClaimLease / Timeout) - 1);

    /// <summary>The retry waits in force.</summary>
    public IReadOnlyList<TimeSpan> Retries => RetrySchedule is { Length: > 0 } schedule ? schedule : DefaultRetrySchedule;

    /// <summary>Settings that contradict each other.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ClaimLease <= Timeout)
            problems.Add($"{Section}:ClaimLease ({ClaimLease}) must be longer than {Section}:Timeout ({Timeout}), or a slow attempt could be made twice at once.");
        foreach (var (name, value) in new[] { (nameof(Timeout), Timeout), (nameof(DisableAfter), DisableAfter), (nameof(PollInterval), PollInterval),
            (nameof(OutboxRetention), OutboxRetention), (nameof(DeliveryRetention), DeliveryRetention) })
        {
            if (value <= TimeSpan.Zero)
                problems.Add($"{Section}:{name} ({value}) must be positive.");
        }
        return problems;
    }
}
