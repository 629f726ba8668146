using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Platform.Api.Webhooks;

namespace Platform.Api.Tests.Webhooks;

/// <summary>SSRF: which addresses webhooks may go to, when a subscription is saved and when each connection is made.</summary>
public sealed class WebhookReceiversTests
{
    private static WebhookReceivers Receivers(bool allowLoopback = false, string environment = "Production") =>
        new(Options.Create(new WebhookOptions { AllowLoopbackReceivers = allowLoopback }), new HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", false)]
    public void IsInternal_TellsInternalAddresses(string address, bool expected) =>
        Assert.Equal(expected, WebhookReceivers.IsInternal(IPAddress.Parse(address)));

    [Fact]
    public async Task Refusal_OutsideDevelopment_RefusesLoopbackAndHttp_InDevelopmentNeither()
    {
        Assert.NotNull(await Receivers().RefusalAsync("https://localhost/hooks", default));
        Assert.NotNull(await Receivers().RefusalAsync("http://93.184.216.34/hooks", default));
        Assert.Null(await Receivers(allowLoopback: true).RefusalAsync("http://127.0.0.1:5000/hooks", default));
        Assert.Null(await Receivers(environment: Environments.Development).RefusalAsync("http://10.0.0.1/hooks", default));
    }

    [Fact]
    public async Task Connect_ToALoopbackReceiver_IsRefusedAtConnectionTime()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = Receivers().ConnectAsync });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url, new StringContent("{}")));

        Assert.Contains("public address", error.Message + error.InnerException?.Message);
        Assert.Empty(receiver.All);
    }
}
