namespace Platform.Api.Leads.FormTokens;

/// <summary>
/// What a signed form token says: its random id, the landing page it was issued to (the landing key, or the landing
/// client's id) and when it was issued, which is when the page showed its form.
/// </summary>
public sealed record FormToken(Guid Id, string Subject, DateTime IssuedAt);
