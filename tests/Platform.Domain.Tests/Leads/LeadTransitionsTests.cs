using Platform.Domain.Leads;
using static Platform.Domain.Leads.LeadStatus;

namespace Platform.Domain.Tests.Leads;

public class LeadTransitionsTests
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private static readonly LeadStatus[] Open = [New, Assigned, InProgress, Qualified];

    public static TheoryData<LeadStatus> Statuses() => new(Enum.GetValues<LeadStatus>());

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Assign_NewBecomesAssigned_OpenKeepsItsStatus_ClosedIsRefused(LeadStatus status)
    {
        var lead = new Lead { Status = status };

        if (!Open.Contains(status))
        {
            Assert.Throws<InvalidOperationException>(() => lead.Assign(7, At));
            Assert.Null(lead.OwnerId);
            return;
        }

        lead.Assign(7, At);
        Assert.Equal(status == New ? Assigned : status, lead.Status);
        Assert.Equal(7, lead.OwnerId);
        Assert.Equal(At, lead.AssignedAt);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void StartWork_MovesOnlyNewAndAssignedLeads(LeadStatus status)
    {
        var lead = new Lead { Status = status };

        lead.StartWork();

        Assert.Equal(status is New or Assigned ? InProgress : status, lead.Status);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Qualify_OnlyFromInProgress_ConfirmsAllThreeConditions(LeadStatus status)
    {
        var lead = new Lead { Status = status, CanPay = false };

        if (status != InProgress)
        {
            Assert.Throws<InvalidOperationException>(() => lead.Qualify("{}", At));
            Assert.Equal(status, lead.Status);
            Assert.False(lead.CanPay);
            return;
        }

        lead.Qualify("{\"match\":true}", At);
        Assert.Equal(Qualified, lead.Status);
        Assert.True(lead.IsQualified);
        Assert.Equal("{\"match\":true}", lead.TargetCriteria);
        Assert.Equal(At, lead.QualifiedAt);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Refuse_FromAnyOpenStatus_KeepsWhoWhyAndWhen(LeadStatus status)
    {
        var lead = new Lead { Status = status };

        if (!Open.Contains(status))
        {
            Assert.Throws<InvalidOperationException>(() => lead.Refuse(RefusedBy.Client, "No budget", At, true, null));
            Assert.Null(lead.RefusalReason);
            return;
        }

        lead.Refuse(RefusedBy.Us, "Price does not suit", At, farewellLetterSent: true, recontactAt: At.AddDays(90));
        Assert.Equal(Refused, lead.Status);
        Assert.Equal(RefusedBy.Us, lead.RefusedBy);
        Assert.Equal("Price does not suit", lead.RefusalReason);
        Assert.Equal(At, lead.RefusedAt);
        Assert.True(lead.FarewellLetterSent);
        Assert.Equal(At.AddDays(90), lead.PostponedUntil);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Postpone_FromAnyOpenStatus_KeepsTheRecontactDate(LeadStatus status)
    {
        var lead = new Lead { Status = status };

        if (!Open.Contains(status))
        {
            Assert.Throws<InvalidOperationException>(() => lead.Postpone(At));
            Assert.Equal(status, lead.Status);
            return;
        }

        lead.Postpone(At);
        Assert.Equal(Postponed, lead.Status);
        Assert.Equal(At, lead.PostponedUntil);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Reactivate_OnlyRefusedAndPostponedLeads_ClearsTheRecontactDate(LeadStatus status)
    {
        var lead = new Lead { Status = status, PostponedUntil = At, RefusalReason = "No budget" };

        if (status is not (Refused or Postponed))
        {
            Assert.Throws<InvalidOperationException>(lead.Reactivate);
            Assert.Equal(status, lead.Status);
            return;
        }

        lead.Reactivate();
        Assert.Equal(InProgress, lead.Status);
        Assert.Null(lead.PostponedUntil);
        Assert.Equal("No budget", lead.RefusalReason); // the refusal history stays
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Convert_OnlyFromQualified_LinksTheClient(LeadStatus status)
    {
        var lead = new Lead { Status = status };

        if (status != Qualified)
        {
            Assert.Throws<InvalidOperationException>(() => lead.Convert(3, At));
            Assert.Null(lead.ConvertedClientId);
            return;
        }

        lead.Convert(3, At);
        Assert.Equal(Converted, lead.Status);
        Assert.Equal(3, lead.ConvertedClientId);
        Assert.Equal(At, lead.ConvertedAt);
    }

    [Fact]
    public void ConvertBeforeClientIsStored_RecordsTheMomentWithoutAClient()
    {
        var lead = new Lead { Status = Qualified };

        lead.ConvertBeforeClientIsStored(At);

        Assert.Equal(Converted, lead.Status);
        Assert.Equal(At, lead.ConvertedAt);
        Assert.Null(lead.ConvertedClientId);
    }
}
