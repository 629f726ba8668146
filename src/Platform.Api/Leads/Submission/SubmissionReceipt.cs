using System.Security.Cryptography;
using System.Text;
using GraphQL.Types;

namespace Platform.Api.Leads.Submission;

/// <summary>Where an accepted submission stands.</summary>
public enum ReceiptStatus
{
    /// <summary>Stored: the sales team has it.</summary>
    Accepted,

    /// <summary>Kept safe on the server while the database is unavailable and stored as soon as it is back; nothing more needs to be sent.</summary>
    Queued,
}

/// <summary>
/// What every caller gets for an accepted submission, and all that a public caller (a landing page) gets: its own id, its
/// status and the first-response deadline a page may show the visitor. It says nothing about data stored earlier.
/// </summary>
public sealed record SubmissionReceipt(string Id, ReceiptStatus Status, DateTime FirstResponseDueAt)
{
    /// <summary>
    /// The receipt id of a submission: the same for every retry with one idempotency key (derived from the key and who
    /// sent it), a new one otherwise.
    /// </summary>
    public static string IdOf(string source, string? idempotencyKey)
    {
        if (idempotencyKey is null)
            return Guid.CreateVersion7().ToString();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{idempotencyKey}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}

/// <summary>The <c>SubmissionReceipt</c> type.</summary>
public sealed class SubmissionReceiptType : ObjectGraphType<SubmissionReceipt>
{
    public SubmissionReceiptType()
    {
        Name = "SubmissionReceipt";
        Description = "The receipt of an accepted submission. Landing pages get this and nothing about the data stored before: the answer looks the same for a new person and for someone already known.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The submission's own id; a retry with the same idempotency key gets the same id.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EnumerationGraphType<ReceiptStatus>>>("status").Description("Whether the submission is stored or queued.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("firstResponseDueAt")
            .Description("When the sales team will have answered by, at the latest (UTC): by default one hour after the submission, two after a demo download. A page may show it to the visitor.")
            .Resolve(c => c.Source.FirstResponseDueAt);
    }
}
