namespace Platform.Domain;

/// <summary>Which side ended a lead or a deal (a correct refusal by us is as important as a sale).</summary>
public enum RefusedBy
{
    /// <summary>We declined, with arguments (e.g. the price does not suit the client).</summary>
    Us,

    /// <summary>The client declined.</summary>
    Client,
}
