using Platform.Api.Common;
using Platform.Api.Staff;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Projection;

namespace Platform.Api.Leads;

/// <summary>The <c>Activity</c> object type.</summary>
public sealed class ActivityType : EntityType<Activity>
{
    public ActivityType() : base("A touch or task — call, e-mail, meeting, proposal, form submission — about a lead, a client or a deal.")
    {
        Field(x => x.Type);
        Field(x => x.Direction);
        Field(x => x.Subject, nullable: true);
        Field(x => x.OccurredAt);
        Field(x => x.ScheduledAt, nullable: true);
        Field(x => x.DoneAt, nullable: true);
        Field(x => x.Result, nullable: true);
        Field(x => x.NextContactAt, nullable: true);
        Field(x => x.NextContactTopic, nullable: true);
        Field<StaffUserType>("owner")
            .Description("The staff user who did or must do it.")
            .Reads(x => x.OwnerId)
            .Resolve(context => context.LoadById<StaffUser>(context.Source.OwnerId));
    }
}
