using Platform.Domain.Deals;

namespace Platform.Domain.Tests.Deals;

public class DealMovesTests
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private static readonly PipelineStage New = new() { Id = 1, Code = PipelineStageCodes.New };
    private static readonly PipelineStage ProposalSent = new() { Id = 4, Code = PipelineStageCodes.ProposalSent };
    private static readonly PipelineStage Won = new() { Id = 7, Code = PipelineStageCodes.Won, IsWon = true };
    private static readonly PipelineStage Lost = new() { Id = 8, Code = PipelineStageCodes.Lost, IsLost = true };

    private static Deal OpenDeal()
    {
        var deal = new Deal { Id = 5 };
        deal.MoveTo(New, At, "anna");
        deal.StageChanges.Clear();
        return deal;
    }

    [Fact]
    public void EnterStage_FirstStageOfANewDeal_LeftNone()
    {
        var deal = new Deal();

        var change = deal.EnterStage(1, At, "anna");

        Assert.Equal(1, deal.StageId);
        Assert.Equal((null, 1L, At, "anna"), (change.FromStageId, change.ToStageId, change.ChangedAt, change.ChangedBy));
        Assert.Same(change, Assert.Single(deal.StageChanges));
    }

    [Fact]
    public void MoveTo_RecordsTheMoveFromTheCurrentStage()
    {
        var deal = OpenDeal();

        deal.MoveTo(ProposalSent, At.AddDays(1), "boris");

        Assert.Equal((ProposalSent.Id, ProposalSent), (deal.StageId, deal.Stage));
        var change = Assert.Single(deal.StageChanges);
        Assert.Equal((New.Id, ProposalSent.Id, "boris"), (change.FromStageId, change.ToStageId, change.ChangedBy));
    }

    [Fact]
    public void MoveTo_ProposalSent_KeepsTheFirstEntryAsTheSendingTime()
    {
        var deal = OpenDeal();

        deal.MoveTo(ProposalSent, At, null);
        deal.MoveTo(New, At.AddDays(1), null);
        deal.MoveTo(ProposalSent, At.AddDays(2), null);

        Assert.Equal(At, deal.ProposalSentAt);
    }

    [Fact]
    public void Win_ClosesTheDeal_ThenNothingMovesIt()
    {
        var deal = OpenDeal();

        deal.Win(Won, At, null);

        Assert.True(deal.IsClosed);
        Assert.Equal(At, deal.ClosedAt);
        Assert.Throws<InvalidOperationException>(() => deal.MoveTo(New, At, null));
        Assert.Throws<InvalidOperationException>(() => deal.Lose(Lost, RefusedBy.Client, "late", At, null));
        Assert.Equal(Won, deal.Stage);
    }

    [Fact]
    public void Lose_KeepsWhoRefusedAndWhy()
    {
        var deal = OpenDeal();

        deal.Lose(Lost, RefusedBy.Us, "Price does not suit", At, "anna");

        Assert.True(deal.IsClosed);
        Assert.Equal((RefusedBy.Us, "Price does not suit", At), (deal.LostRefusedBy!.Value, deal.LostReason!, deal.ClosedAt!.Value));
        Assert.Throws<InvalidOperationException>(() => deal.Win(Won, At, null));
    }

    [Fact]
    public void WinAndLose_NeedTheirTerminalStage()
    {
        var deal = OpenDeal();

        Assert.Throws<ArgumentException>(() => deal.Win(Lost, At, null));
        Assert.Throws<ArgumentException>(() => deal.Lose(Won, RefusedBy.Client, "late", At, null));
        Assert.Equal(New, deal.Stage);
        Assert.Empty(deal.StageChanges);
    }
}
