namespace Platform.Domain.Clients;

/// <summary>Whether a client is an organisation or a private person.</summary>
public enum ClientKind
{
    /// <summary>A company or other organisation (legal ids apply).</summary>
    Company,

    /// <summary>A private person.</summary>
    Person,
}
