using Platform.Domain.Leads;
using static Platform.Domain.Leads.LeadStatus;

namespace Platform.Domain.Tests.Leads;

public class LeadLifecycleTests
{
    /// <summary>Every allowed move of the lead lifecycle; every other pair is illegal.</summary>
    private static readonly HashSet<(LeadStatus From, LeadStatus To)> Allowed =
    [
        (New, Assigned),
        (New, InProgress), (Assigned, InProgress),
        (InProgress, Qualified),
        (Qualified, Converted),
        (New, Refused), (Assigned, Refused), (InProgress, Refused), (Qualified, Refused),
        (New, Postponed), (Assigned, Postponed), (InProgress, Postponed), (Qualified, Postponed),
        (Refused, InProgress), (Postponed, InProgress), // reactivation (C7)
    ];

    public static TheoryData<LeadStatus, LeadStatus, bool> AllPairs()
    {
        var data = new TheoryData<LeadStatus, LeadStatus, bool>();
        foreach (var from in Enum.GetValues<LeadStatus>())
            foreach (var to in Enum.GetValues<LeadStatus>())
                data.Add(from, to, Allowed.Contains((from, to)));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_FollowsTheTransitionTable(LeadStatus from, LeadStatus to, bool allowed) =>
        Assert.Equal(allowed, LeadLifecycle.CanMove(from, to));

    [Fact]
    public void CanMove_ConvertedIsFinal() =>
        Assert.All(Enum.GetValues<LeadStatus>(), to => Assert.False(LeadLifecycle.CanMove(Converted, to)));
}
