namespace Platform.Domain.Leads;

/// <summary>Who initiated an activity.</summary>
public enum ActivityDirection
{
    /// <summary>The person or client contacted us.</summary>
    Inbound,

    /// <summary>We contacted the person or client (or did internal work for them).</summary>
    Outbound,
}
