using Platform.Api.Webhooks;

namespace Platform.Api.Tests.Webhooks;

/// <summary>The <c>Webhooks</c> settings refused at start-up.</summary>
public sealed class WebhookOptionsTests
{
    [Fact]
    public void Defaults_HaveNoProblems() => Assert.Empty(new WebhookOptions().Problems());

    [Theory]
    [InlineData(nameof(WebhookOptions.Timeout), "00:00:00")]
    [InlineData(nameof(WebhookOptions.DisableAfter), "-00:00:01")]
    [InlineData(nameof(WebhookOptions.PollInterval), "00:00:00")]
    [InlineData(nameof(WebhookOptions.OutboxRetention), "-1.00:00:00")]
    [InlineData(nameof(WebhookOptions.DeliveryRetention), "00:00:00")]
    [InlineData(nameof(WebhookOptions.DeliveryRetention), "-1.00:00:00")]
    public void Duration_NotPositive_IsRefused(string setting, string value)
    {
        var options = new WebhookOptions();
        typeof(WebhookOptions).GetProperty(setting)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains($"Webhooks:{setting} (", Assert.Single(options.Problems()));
    }

    [Fact]
    public void Durations_OfOneTick_AreAccepted() => Assert.Empty(new WebhookOptions
    {
        PollInterval = TimeSpan.FromTicks(1),
        OutboxRetention = TimeSpan.FromTicks(1),
        DeliveryRetention = TimeSpan.FromTicks(1),
        DisableAfter = TimeSpan.FromTicks(1),
    }.Problems());
}
