using Platform.Domain.Clients;
using static Platform.Domain.Clients.LoyaltyCategory;

namespace Platform.Domain.Tests.Clients;

public class LoyaltyTransitionsTests
{
    [Theory] // the four transitions the seed names
    [InlineData(Fan, Antagonist)]
    [InlineData(TemporarilyLost, Former)]
    [InlineData(Former, Potential)]
    [InlineData(Antagonist, Potential)]
    [InlineData(Antagonist, Fan)]
    [InlineData(Antagonist, Former)]
    public void LoyaltyTransition_SeedTransitions_AreAllowed(LoyaltyCategory from, LoyaltyCategory to) =>
        Assert.True(LoyaltyTransitions.IsAllowed(from, to));

    [Theory] // the natural progression: one rung up or down, stop and win back
    [InlineData(Potential, OneTime)]
    [InlineData(Regular, Loyal)]
    [InlineData(Loyal, Committed)]
    [InlineData(Committed, Fan)]
    [InlineData(Fan, Committed)]
    [InlineData(Loyal, TemporarilyLost)]
    [InlineData(TemporarilyLost, Regular)]
    public void LoyaltyTransition_Progression_IsAllowed(LoyaltyCategory from, LoyaltyCategory to) =>
        Assert.True(LoyaltyTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(Potential, Fan)]        // trust is earned one rung at a time
    [InlineData(Regular, Fan)]
    [InlineData(Former, Regular)]       // a former client is a potential one again first
    [InlineData(TemporarilyLost, Fan)]
    [InlineData(Loyal, Antagonist)]     // the seed names only fans turning antagonists
    public void LoyaltyTransition_Jumps_AreNotAllowed(LoyaltyCategory from, LoyaltyCategory to) =>
        Assert.False(LoyaltyTransitions.IsAllowed(from, to));

    [Fact]
    public void LoyaltyTransition_StayingIsAlwaysAllowed() =>
        Assert.All(Enum.GetValues<LoyaltyCategory>(), c => Assert.True(LoyaltyTransitions.IsAllowed(c, c)));
}
