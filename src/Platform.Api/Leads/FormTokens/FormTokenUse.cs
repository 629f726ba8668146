using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.FormTokens;

/// <summary>
/// Single use of form tokens, held in the database so it holds across API nodes: the first submission to insert the
/// token's id owns it; the primary key refuses any other. A retry of that submission (the same receipt id, that is the
/// same idempotency key) finds its own row and goes on to the first result.
/// </summary>
public static class FormTokenUse
{
    /// <summary>Records that the submission of <paramref name="receiptId"/> uses <paramref name="token"/>; false when another submission used it.</summary>
    public static async Task<bool> TryUseAsync(PlatformDbContext db, FormToken token, string receiptId, DateTime expiresAt, CancellationToken ct)
    {
        var row = db.UsedFormTokens.Add(new UsedFormToken { TokenId = token.Id, ReceiptId = receiptId, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(ct);
            row.State = EntityState.Detached;
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await db.UsedFormTokens.AnyAsync(t => t.TokenId == token.Id && t.ReceiptId == receiptId, ct);
        }
    }
}
