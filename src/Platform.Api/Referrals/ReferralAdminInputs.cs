using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>Input of <c>createPartner</c>.</summary>
public sealed class CreatePartnerInput
{
    public string Name { get; set; } = "";
    public PartnerType Type { get; set; }
    public List<string>? Regions { get; set; }
    public string? ContactEmail { get; set; }
    public string? ApiClientId { get; set; }
}

/// <summary>Input of <c>createReferralProgram</c>.</summary>
public sealed class CreateReferralProgramInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public RewardType RewardType { get; set; }
    public long RewardValue { get; set; }
    public string Currency { get; set; } = Platform.Domain.Currencies.Eur;
    public int AttributionWindowDays { get; set; } = 90;
    public int HoldingPeriodDays { get; set; } = 30;
    public long? CapPerReferralMinor { get; set; }
    public DateTime ActiveFrom { get; set; }
    public DateTime? ActiveTo { get; set; }
    public List<string>? EligiblePartnerIds { get; set; }
}

/// <summary>Input of <c>createReferralCode</c>.</summary>
public sealed class CreateReferralCodeInput
{
    public string Code { get; set; } = "";
    public string ProgramId { get; set; } = "";
    public string? PartnerId { get; set; }
    public string? ReferrerClientId { get; set; }
    public DateTime? ExpiresAt { get; set; }
}

/// <summary>Input of <c>revokeReferralCode</c>.</summary>
public sealed class RevokeReferralCodeInput
{
    public string ReferralCodeId { get; set; } = "";
}

/// <summary>The <c>CreatePartnerInput</c> type.</summary>
public sealed class CreatePartnerInputType : InputObjectGraphType<CreatePartnerInput>
{
    public CreatePartnerInputType()
    {
        Name = "CreatePartnerInput";
        Description = "A new partner organisation.";
        Field(x => x.Name).Description("The partner's name.");
        Field(x => x.Type).Description("Kind of partner; dealers receive the leads of their regions.");
        Field(x => x.Regions, nullable: true).Description("Regions the partner covers.");
        Field(x => x.ContactEmail, nullable: true).Description("E-mail of the partner's contact person.");
        Field(x => x.ApiClientId, nullable: true).Description("OAuth client id the partner's systems will authenticate with (register the client with `clients add … --partner`).");
    }
}

/// <summary>The <c>CreateReferralProgramInput</c> type.</summary>
public sealed class CreateReferralProgramInputType : InputObjectGraphType<CreateReferralProgramInput>
{
    public CreateReferralProgramInputType()
    {
        Name = "CreateReferralProgramInput";
        Description = "A new referral program.";
        Field(x => x.Name).Description("Program name.");
        Field(x => x.Description, nullable: true).Description("Conditions in words, shown to referrers.");
        Field(x => x.RewardType).Description("What the referrer gets.");
        Field(x => x.RewardValue).Description("Basis points for percentages (1000 = 10 %), minor units for amounts, minutes for service time.");
        Field(x => x.Currency, nullable: true).Description("ISO 4217 currency of rewards and the cap; EUR by default.");
        Field(x => x.AttributionWindowDays, nullable: true).Description("Days after the referral a first paid order still earns (default 90).");
        Field(x => x.HoldingPeriodDays, nullable: true).Description("Days an earned reward is held before approval; a refund within them voids it (default 30).");
        Field(x => x.CapPerReferralMinor, nullable: true).Description("Largest reward per referral in minor units; none when omitted.");
        Field(x => x.ActiveFrom).Description("First moment the program attributes referrals (UTC).");
        Field(x => x.ActiveTo, nullable: true).Description("Last moment the program attributes referrals (UTC); open-ended when omitted.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("eligiblePartnerIds").Description("The only partners that may refer under the program (global IDs); every partner when omitted or empty. Clients always may.");
    }
}

/// <summary>The <c>CreateReferralCodeInput</c> type.</summary>
public sealed class CreateReferralCodeInputType : InputObjectGraphType<CreateReferralCodeInput>
{
    public CreateReferralCodeInputType()
    {
        Name = "CreateReferralCodeInput";
        Description = "A new code of a referrer: exactly one of `partnerId` and `referrerClientId`.";
        Field(x => x.Code).Description("The code, unique, e.g. ACME-2026.");
        Field<NonNullGraphType<IdGraphType>>("programId").Description("The program whose terms apply (global ID).");
        Field<IdGraphType>("partnerId").Description("The referring partner (global ID).");
        Field<IdGraphType>("referrerClientId").Description("The referring client, \"refer a friend\" (global ID).");
        Field(x => x.ExpiresAt, nullable: true).Description("When the code stops attributing (UTC); never when omitted.");
    }
}

/// <summary>The <c>RevokeReferralCodeInput</c> type.</summary>
public sealed class RevokeReferralCodeInputType : InputObjectGraphType<RevokeReferralCodeInput>
{
    public RevokeReferralCodeInputType()
    {
        Name = "RevokeReferralCodeInput";
        Description = "The code to revoke; a revoked code never attributes again.";
        Field<NonNullGraphType<IdGraphType>>("referralCodeId").Description("The code's global ID.");
    }
}
