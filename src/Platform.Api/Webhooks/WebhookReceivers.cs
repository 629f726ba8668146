using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Platform.Api.Webhooks;

/// <summary>
/// Which URLs may receive webhooks (against SSRF): in Development any; elsewhere only https, and no host that resolves
/// to a loopback, link-local, private or unspecified address (loopback, over http too, when
/// <see cref="WebhookOptions.AllowLoopbackReceivers"/>). Checked when a subscription is saved and again when each
/// connection is made, against the addresses actually connected to, so a name that changes its answer gains nothing.
/// </summary>
public sealed class WebhookReceivers(IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    private bool Unrestricted => environment.IsDevelopment();

    /// <summary>Why <paramref name="url"/> may not receive webhooks; null when it may.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0)
            return "`url` must be an absolute http or https URL without user information.";
        if (Unrestricted)
            return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"The host \"{uri.Host}\" does not resolve.";
        }
        if (addresses.Length == 0)
            return $"The host \"{uri.Host}\" does not resolve.";
        if (addresses.FirstOrDefault(a => !Allowed(a)) is { } refused)
            return $"The host \"{uri.Host}\" resolves to {refused}, a loopback, link-local, private or unspecified address; webhooks go to public addresses only.";
        var local = addresses.All(IPAddress.IsLoopback);
        return uri.Scheme == "https" || local ? null : "`url` must use https.";
    }

    /// <summary>Opens the connection of a delivery, to an allowed address of the host only.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = Unrestricted ? addresses : addresses.Where(Allowed).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"The host \"{host}\" resolves to no public address; webhooks go to public addresses only.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool Allowed(IPAddress address) => IPAddress.IsLoopback(address) ? options.Value.AllowLoopbackReceivers : !IsInternal(address);

    /// <summary>Whether <paramref name="address"/> is loopback, link-local, private (or shared) or unspecified.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and < 128, // carrier-grade NAT
            169 => b[1] == 254,
            172 => b[1] is >= 16 and < 32,
            192 => b[1] == 168,
            >= 224 => true, // multicast and reserved
            _ => false,
        };
    }
}
