namespace Platform.Api.Leads.Spool;

/// <summary>One submission kept in the <see cref="SubmissionSpool"/>.</summary>
/// <param name="Sequence">Its place in the spool: entries are handed out in this (insertion) order.</param>
/// <param name="ReceiptId">The id the caller was given; unique in the spool.</param>
/// <param name="PayloadJson">What to write once the database is back, as the enqueuer serialised it.</param>
/// <param name="QueuedAt">When it was spooled (UTC).</param>
public sealed record SpooledEntry(long Sequence, Guid ReceiptId, string PayloadJson, DateTime QueuedAt);
