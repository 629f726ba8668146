using Platform.Api.Common;
using Platform.Domain.Staff;

namespace Platform.Api.Staff;

/// <summary>The <c>StaffUser</c> object type.</summary>
public sealed class StaffUserType : EntityType<StaffUser>
{
    public StaffUserType() : base("A member of the sales team (manager, head of sales, marketer) who owns leads, clients, deals and activities.")
    {
        Field(x => x.Name);
        Field(x => x.Email);
        Field(x => x.SalesRole);
        Field(x => x.SkillRank);
        Field(x => x.IsAvailable);
        Field(x => x.IsActive);
    }
}
