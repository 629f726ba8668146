using Platform.Domain.Leads;
using Platform.Domain.Staff;
using static Platform.Api.Bulk.ExportColumn<Platform.Domain.Leads.Activity>;

namespace Platform.Api.Bulk;

/// <summary>The fields of an exported activity: those of the <c>Activity</c> type.</summary>
public static class ActivityExportColumns
{
    public static readonly ExportColumns<Activity> Columns = new(
        Id(x => x.Id),
        Time("createdAt", x => x.CreatedAt),
        Time("updatedAt", x => x.UpdatedAt),
        Number("version", x => x.Version),
        Enum<ActivityType>("type", x => x.Type),
        Enum<ActivityDirection>("direction", x => x.Direction),
        Text("subject", x => x.Subject),
        Time("occurredAt", x => x.OccurredAt),
        Time("scheduledAt", x => x.ScheduledAt),
        Time("doneAt", x => x.DoneAt),
        Text("result", x => x.Result),
        Time("nextContactAt", x => x.NextContactAt),
        Text("nextContactTopic", x => x.NextContactTopic),
        Reference<StaffUser>("owner", x => x.OwnerId));
}
