namespace Platform.Domain;

/// <summary>Which side ended a lead or a deal (C8: a correct refusal by us is as important as a sale).</summary>
public enum RefusedBy
{
    /// <summary>We declined, with arguments (e.g. the price does not suit the client, Q3/C8).</summary>
    Us,

    /// <summary>The client declined.</summary>
    Client,
}
