using Platform.Api.Webhooks;

namespace Platform.Api.Tests.Webhooks;

/// <summary>The <c>Webhooks</c> settings refused at start-up.</summary>
public sealed class WebhookOptionsTests
{
    [Fact]
    public void Defaults_HaveNoProblems() => Assert.Empty(new WebhookOptions().Problems());

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    public void DeliveryRetention_NotPositive_IsRefused(string retention) =>
        Assert.Contains("DeliveryRetention", Assert.Single(new WebhookOptions { DeliveryRetention = TimeSpan.Parse(retention) }.Problems()));
}
