using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Security;

/// <summary>The <c>OAuth</c> configuration section: the built-in authorization server's keys and transport.</summary>
public sealed class OAuthOptions
{
    public const string Section = "OAuth";

    /// <summary>Refuse OAuth requests over plain HTTP; switch off only in development and tests.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>RSA private key (PEM) that signs tokens; production sets it (and <see cref="EncryptionKeyPem"/>) from a secret store.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>RSA private key (PEM) that encrypts authorization codes and refresh tokens.</summary>
    public string? EncryptionKeyPem { get; set; }

    /// <summary>Without configured keys: a folder where keys are generated once and kept (development only).</summary>
    public string? DevelopmentKeysDirectory { get; set; }

    /// <summary>
    /// The issuer every node puts in the tokens it issues and requires in the tokens it accepts (an absolute URL, e.g.
    /// <c>https://api.example.com/</c>, the address clients reach the fleet at). Unset, each request's own address is
    /// the issuer, so behind a load balancer that forwards other host names to the nodes, a token from one node would
    /// be refused by another.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>How long an access token is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a node trusts that a token's client still exists before looking again (a revocation elsewhere shows within it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClientCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
