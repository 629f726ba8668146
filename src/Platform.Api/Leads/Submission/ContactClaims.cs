using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// One person, one open lead, decided by the database: a new lead claims its phone and e-mail
/// (<see cref="Domain.Leads.Lead.PhoneClaim"/>, unique), so of two concurrent submissions of one person, in any
/// process, only one lead is stored and the other finds it. A lead keeps its claims until a newer lead of the same
/// person takes them over, which happens here, in the new lead's transaction.
/// </summary>
internal static class ContactClaims
{
    /// <summary>
    /// Frees the claims on <paramref name="phones"/> and <paramref name="emails"/> held by leads outside the duplicate
    /// window (closed, or created before <paramref name="since"/>). A lead still in the window keeps its claims, so the
    /// new lead's insert then fails on the unique index and its submission is looked at again.
    /// </summary>
    public static Task<int> ReleaseStaleAsync(PlatformDbContext db, IReadOnlyCollection<string> phones, IReadOnlyCollection<string> emails, DateTime since, CancellationToken ct) =>
        db.Leads.IgnoreQueryFilters()
            .Where(l => (l.PhoneClaim != null && phones.Contains(l.PhoneClaim)) || (l.EmailClaim != null && emails.Contains(l.EmailClaim)))
            .Where(DuplicateWindow.Outside(since))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.PhoneClaim, (string?)null).SetProperty(l => l.EmailClaim, (string?)null), ct);
}
