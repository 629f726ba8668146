using Platform.Api.Common;
using Platform.Domain;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>The checks a program's terms must pass, on creation and on every change.</summary>
public static class ReferralProgramRules
{
    /// <summary>The first broken rule, naming the input field, or null when the terms are valid.</summary>
    public static ValidationError? Check(ReferralProgram program) => program switch
    {
        { Name: var name } when string.IsNullOrWhiteSpace(name) => new ValidationError("name", "A program needs a name."),
        { RewardValue: < 0 } => new ValidationError("rewardValue", "The reward value cannot be negative."),
        { RewardType: RewardType.PercentOfSale or RewardType.Discount, RewardValue: > 10_000 } => new ValidationError("rewardValue", "A percentage is at most 10000 basis points (100 %)."),
        { AttributionWindowDays: < 1 } => new ValidationError("attributionWindowDays", "The attribution window is at least one day."),
        { HoldingPeriodDays: < 0 } => new ValidationError("holdingPeriodDays", "The holding period cannot be negative."),
        { CapPerReferralMinor: < 0 } => new ValidationError("capPerReferralMinor", "The cap cannot be negative."),
        { ActiveTo: { } to } when to <= program.ActiveFrom => new ValidationError("activeTo", "The program must end after it starts."),
        _ when !Currencies.IsWellFormed(program.Currency) => new ValidationError("currency", $"\"{program.Currency}\" is not an ISO 4217 currency code."),
        _ => null,
    };
}
