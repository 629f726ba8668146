namespace Platform.Domain.Staff;

/// <summary>
/// A member of the sales team (manager, head of sales, marketer) who owns leads, clients, deals
/// and activities. Leads are routed by role, availability and skill rank.
/// </summary>
public class StaffUser : Entity
{
    /// <summary>Display name, e.g. "Anna Ivanova".</summary>
    public string Name { get; set; } = "";

    /// <summary>Work e-mail address; unique among staff.</summary>
    public string Email { get; set; } = "";

    /// <summary>Role in the sales process: generation, conversion, farmer, head or marketer.</summary>
    public SalesRole SalesRole { get; set; }

    /// <summary>
    /// Skill rank among peers, 1 = best. Warm and hot leads go to the best-ranked available
    /// manager («Oferă oportunități bune celor mai buni manageri»).
    /// </summary>
    public int SkillRank { get; set; } = 1;

    /// <summary>
    /// Whether sales scripts are in place for this manager; a novice may do cold calls only with
    /// scripts.
    /// </summary>
    public bool HasSalesScripts { get; set; }

    /// <summary>Whether the manager currently accepts new leads (not on leave, not overloaded).</summary>
    public bool IsAvailable { get; set; } = true;

    /// <summary>Whether the staff user is still employed; inactive users keep their history but get no work.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Id of the linked sign-in account (ASP.NET Core Identity user), if the person can log in.</summary>
    public string? IdentityUserId { get; set; }
}
