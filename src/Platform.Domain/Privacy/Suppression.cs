namespace Platform.Domain.Privacy;

/// <summary>
/// A phone number or e-mail address whose submissions are refused, added when a person asked to be erased and not to be
/// recorded again. Only a hash is kept (<see cref="Hash"/>), never the value.
/// </summary>
public class Suppression
{
    /// <summary>The SHA-256 of the normalized value with its kind (<c>phone:+79161234567</c>, <c>email:a@b.example</c>), hex.</summary>
    public string Hash { get; set; } = "";

    /// <summary>When it was added.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The hash of a normalized phone (E.164) or lower-case e-mail.</summary>
    public static string Of(string kind, string normalized) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{kind}:{normalized}")));
}
