using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// Which earlier lead a submission repeats: an open lead (the SQL form of <see cref="Lead.IsOpen"/>) created since the
/// window's start. Both duplicate checks, the batch's and the one-by-one, select it as a flag rather than filter on it,
/// so the planner keeps to the key, phone and e-mail indexes.
/// </summary>
internal static class DuplicateWindow
{
    private static Expression<Func<Lead, bool>> InWindow(DateTime since) => l => l.CreatedAt >= since
        && (l.Status == LeadStatus.New || l.Status == LeadStatus.Assigned || l.Status == LeadStatus.InProgress || l.Status == LeadStatus.Qualified);

    /// <summary><paramref name="shape"/> with its flag bound to "open and created since <paramref name="since"/>".</summary>
    public static Expression<Func<Lead, T>> Select<T>(DateTime since, Expression<Func<Lead, bool, T>> shape)
    {
        var inWindow = InWindow(since);
        var lead = shape.Parameters[0];
        var flag = ReplacingExpressionVisitor.Replace(inWindow.Parameters[0], lead, inWindow.Body);
        return Expression.Lambda<Func<Lead, T>>(ReplacingExpressionVisitor.Replace(shape.Parameters[1], flag, shape.Body), lead);
    }

    /// <summary>Leads a submission no longer repeats: closed, or created before <paramref name="since"/>.</summary>
    public static Expression<Func<Lead, bool>> Outside(DateTime since)
    {
        var inWindow = InWindow(since);
        return Expression.Lambda<Func<Lead, bool>>(Expression.Not(inWindow.Body), inWindow.Parameters);
    }
}
