using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Clients;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>Staff management of partners, referral programs and referral codes (SPEC §3.7, DECISIONS [Referrals]).</summary>
public sealed class ReferralAdminService(PlatformDbContext db, TimeProvider time)
{
    public async Task<ReferralAdminPayload<Partner>> CreatePartnerAsync(CreatePartnerInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
            return ReferralAdminPayload<Partner>.Failed(new ValidationError("name", "A partner needs a name."));
        var clientId = string.IsNullOrWhiteSpace(input.ApiClientId) ? null : input.ApiClientId.Trim();
        if (clientId is not null && await db.Partners.AnyAsync(p => p.ApiClientId == clientId, ct))
            return ReferralAdminPayload<Partner>.Failed(new ValidationError("apiClientId", $"The API client \"{clientId}\" is already bound to another partner."));
        var regions = input.Regions?.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
        if (regions?.Any(r => r.Contains(',')) == true)
            return ReferralAdminPayload<Partner>.Failed(new ValidationError("regions", "A region name cannot contain a comma."));
        var partner = new Partner
        {
            Name = input.Name.Trim(),
            Type = input.Type,
            Regions = regions is { Count: > 0 } ? string.Join(',', regions) : null,
            ContactEmail = string.IsNullOrWhiteSpace(input.ContactEmail) ? null : input.ContactEmail.Trim(),
            ApiClientId = clientId,
        };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return ReferralAdminPayload<Partner>.Ok(partner);
    }

    public async Task<ReferralAdminPayload<ReferralProgram>> CreateProgramAsync(CreateReferralProgramInput input, IReadOnlyList<long> eligiblePartnerIds, CancellationToken ct)
    {
        var problem = input switch
        {
            { Name: var name } when string.IsNullOrWhiteSpace(name) => new ValidationError("name", "A program needs a name."),
            { RewardValue: < 0 } => new ValidationError("rewardValue", "The reward value cannot be negative."),
            { RewardType: RewardType.PercentOfSale or RewardType.Discount, RewardValue: > 10_000 } => new ValidationError("rewardValue", "A percentage is at most 10000 basis points (100 %)."),
            { AttributionWindowDays: < 1 } => new ValidationError("attributionWindowDays", "The attribution window is at least one day."),
            { HoldingPeriodDays: < 0 } => new ValidationError("holdingPeriodDays", "The holding period cannot be negative."),
            { CapPerReferralMinor: < 0 } => new ValidationError("capPerReferralMinor", "The cap cannot be negative."),
            { ActiveTo: { } to } when to <= input.ActiveFrom => new ValidationError("activeTo", "The program must end after it starts."),
            _ when !Currencies.IsWellFormed(input.Currency) => new ValidationError("currency", $"\"{input.Currency}\" is not an ISO 4217 currency code."),
            _ => null,
        };
        if (problem is not null)
            return ReferralAdminPayload<ReferralProgram>.Failed(problem);
        var eligible = eligiblePartnerIds.Distinct().ToList();
        if (await db.Partners.CountAsync(p => eligible.Contains(p.Id), ct) != eligible.Count)
            return ReferralAdminPayload<ReferralProgram>.Failed(new ValidationError("eligiblePartnerIds", "Every eligible partner must exist."));
        var program = new ReferralProgram
        {
            Name = input.Name.Trim(),
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            RewardType = input.RewardType,
            RewardValue = input.RewardValue,
            Currency = input.Currency,
            AttributionWindowDays = input.AttributionWindowDays,
            HoldingPeriodDays = input.HoldingPeriodDays,
            CapPerReferralMinor = input.CapPerReferralMinor,
            ActiveFrom = input.ActiveFrom,
            ActiveTo = input.ActiveTo,
            OpenToAllPartners = eligible.Count == 0,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReferralPrograms.Add(program);
        await db.SaveChangesAsync(ct); // the eligibility rows need the program's id
        db.ReferralProgramPartners.AddRange(eligible.Select(id => new ReferralProgramPartner { ProgramId = program.Id, PartnerId = id }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ReferralAdminPayload<ReferralProgram>.Ok(program);
    }

    public async Task<ReferralAdminPayload<ReferralCode>> CreateCodeAsync(CreateReferralCodeInput input, long programId, long? partnerId, long? clientId, CancellationToken ct)
    {
        var code = input.Code.Trim();
        if (code.Length is 0 or > 64)
            return ReferralAdminPayload<ReferralCode>.Failed(new ValidationError("code", "A code has 1 to 64 characters."));
        if ((partnerId is null) == (clientId is null))
            return ReferralAdminPayload<ReferralCode>.Failed(new ValidationError("partnerId", "A code belongs to exactly one referrer: give `partnerId` or `referrerClientId`."));
        var program = await db.ReferralPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
            return ReferralAdminPayload<ReferralCode>.Failed(new NotFoundError(input.ProgramId, $"No referral program has the ID \"{input.ProgramId}\"."));
        if (partnerId is { } eligibleId && !program.OpenToAllPartners && !await db.ReferralProgramPartners.AnyAsync(e => e.ProgramId == programId && e.PartnerId == eligibleId, ct))
            return ReferralAdminPayload<ReferralCode>.Failed(new ValidationError("partnerId", "The partner is not eligible for this program."));
        if (partnerId is { } pid && !await db.Partners.AnyAsync(p => p.Id == pid, ct))
            return ReferralAdminPayload<ReferralCode>.Failed(new NotFoundError(input.PartnerId!, $"No partner has the ID \"{input.PartnerId}\"."));
        if (clientId is { } cid && !await db.Set<Client>().AnyAsync(c => c.Id == cid, ct))
            return ReferralAdminPayload<ReferralCode>.Failed(new NotFoundError(input.ReferrerClientId!, $"No client has the ID \"{input.ReferrerClientId}\"."));
        if (await db.ReferralCodes.AnyAsync(c => c.Code == code, ct))
            return ReferralAdminPayload<ReferralCode>.Failed(new ValidationError("code", $"The code \"{code}\" is already taken."));
        var referralCode = new ReferralCode { Code = code, ProgramId = programId, PartnerId = partnerId, ReferrerClientId = clientId, ExpiresAt = input.ExpiresAt };
        db.ReferralCodes.Add(referralCode);
        await db.SaveChangesAsync(ct);
        return ReferralAdminPayload<ReferralCode>.Ok(referralCode);
    }

    public async Task<ReferralAdminPayload<ReferralCode>> RevokeCodeAsync(string globalId, long id, CancellationToken ct)
    {
        var code = await db.ReferralCodes.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (code is null)
            return ReferralAdminPayload<ReferralCode>.Failed(new NotFoundError(globalId, $"No referral code has the ID \"{globalId}\"."));
        code.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(code, ct) is { } conflict ? ReferralAdminPayload<ReferralCode>.Failed(conflict) : ReferralAdminPayload<ReferralCode>.Ok(code);
    }
}
