namespace Platform.Domain.Privacy;

/// <summary>
/// One version of the marketing consent wording a form shows, written by staff. A version is never changed: new
/// wording is a new version, so the evidence of a submission always names the exact text the person saw.
/// </summary>
public class ConsentText : Entity
{
    /// <summary>The wording, as shown on the form.</summary>
    public string Text { get; set; } = "";
}
