using GraphQL.Types;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>Input of <c>updatePartner</c>; an omitted field stays as it is.</summary>
public sealed class UpdatePartnerInput
{
    public string PartnerId { get; set; } = "";
    public string? Name { get; set; }
    public PartnerType? Type { get; set; }
    public List<string>? Regions { get; set; }
    public string? ContactEmail { get; set; }
    public bool? IsActive { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>Input of <c>updateReferralProgram</c>; an omitted field stays as it is.</summary>
public sealed class UpdateReferralProgramInput
{
    public string ProgramId { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public long? RewardValue { get; set; }
    public long? CapPerReferralMinor { get; set; }
    public int? AttributionWindowDays { get; set; }
    public int? HoldingPeriodDays { get; set; }
    public DateTime? ActiveFrom { get; set; }
    public DateTime? ActiveTo { get; set; }
    public bool? IsActive { get; set; }
    public List<string>? EligiblePartnerIds { get; set; }
    public int? ExpectedVersion { get; set; }

    /// <summary>The fields sent as an explicit <c>null</c>: for the cap and the end date that clears them, unlike omitting them.</summary>
    public IReadOnlySet<string> Nulls { get; set; } = new HashSet<string>();
}

/// <summary>The <c>UpdatePartnerInput</c> type.</summary>
public sealed class UpdatePartnerInputType : InputObjectGraphType<UpdatePartnerInput>
{
    public UpdatePartnerInputType()
    {
        Name = "UpdatePartnerInput";
        Description = "Changes to a partner; omitted fields stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("partnerId").Description("The partner's global ID.");
        Field(x => x.Name, nullable: true).Description("The partner's name.");
        Field(x => x.Type, nullable: true).Description("Kind of partner; dealers receive the leads of their regions.");
        Field(x => x.Regions, nullable: true).Description("Regions the partner covers; replaces the list, an empty list clears it.");
        Field(x => x.ContactEmail, nullable: true).Description("E-mail of the partner's contact person; an empty string clears it.");
        Field(x => x.IsActive, nullable: true).Description("Whether the partnership is active. An inactive partner gets no new attribution: its codes warn like a revoked code, its own token attributes nothing, and it receives no distributed leads.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The partner's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}

/// <summary>The <c>UpdateReferralProgramInput</c> type.</summary>
public sealed class UpdateReferralProgramInputType : InputObjectGraphType<UpdateReferralProgramInput>
{
    public UpdateReferralProgramInputType()
    {
        Name = "UpdateReferralProgramInput";
        Description = "Changes to a referral program's terms, checked like `createReferralProgram`; omitted fields stay as they are, and only the cap and the end date can be cleared with an explicit `null`. New reward terms apply to rewards earned afterwards: rewards already EARNED, APPROVED or PAID keep their amounts and approval dates.";
        Field<NonNullGraphType<IdGraphType>>("programId").Description("The program's global ID.");
        Field(x => x.Name, nullable: true).Description("Program name.");
        Field(x => x.Description, nullable: true).Description("Conditions in words, shown to referrers; an empty string clears them.");
        Field(x => x.RewardValue, nullable: true).Description("Basis points for percentages (1000 = 10 %), minor units for amounts, minutes for service time; applies to rewards earned afterwards.");
        Field(x => x.CapPerReferralMinor, nullable: true).Description("Largest reward per referral in minor units; applies to rewards earned afterwards. `null` removes the cap.");
        Field(x => x.AttributionWindowDays, nullable: true).Description("Days after the referral a first paid order still earns; applies to rewards earned afterwards.");
        Field(x => x.HoldingPeriodDays, nullable: true).Description("Days an earned reward is held before approval; applies to rewards earned afterwards.");
        Field(x => x.ActiveFrom, nullable: true).Description("First moment the program attributes referrals (UTC).");
        Field(x => x.ActiveTo, nullable: true).Description("Last moment the program attributes referrals (UTC). `null` makes the program open-ended.");
        Field(x => x.IsActive, nullable: true).Description("Whether the program is switched on; a switched-off program attributes no new referrals.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("eligiblePartnerIds").Description("Replaces the partners that may refer under the program (global IDs); an empty list opens it to every partner. Existing codes of partners no longer eligible stop attributing.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The program's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }

    /// <summary>Remembers which fields were an explicit null: omitted keeps a value, null clears it.</summary>
    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var input = (UpdateReferralProgramInput)base.ParseDictionary(value);
        input.Nulls = value.Where(field => field.Value is null).Select(field => field.Key).ToHashSet();
        return input;
    }
}
