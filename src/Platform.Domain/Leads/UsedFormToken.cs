namespace Platform.Domain.Leads;

/// <summary>
/// A form token a landing page's submission used: its id is unique, so a token makes at most one submission on any API
/// node. Kept until a while after the token expired, then swept.
/// </summary>
public class UsedFormToken
{
    /// <summary>The token's random id.</summary>
    public Guid TokenId { get; set; }

    /// <summary>The receipt id of the submission that used it: a retry of that submission (same idempotency key) may use it again.</summary>
    public string ReceiptId { get; set; } = "";

    /// <summary>When the token expired (or expires).</summary>
    public DateTime ExpiresAt { get; set; }
}
