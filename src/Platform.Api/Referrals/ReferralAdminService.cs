using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Clients;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>Staff management of partners, referral programs and referral codes.</summary>
public sealed class ReferralAdminService(PlatformDbContext db, TimeProvider time)
{
    public async Task<ReferralAdminPayload<Partner>> CreatePartnerAsync(CreatePartnerInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
            return ReferralAdminPayload<Partner>.Failed(new ValidationError("name", "A partner needs a name."));
        if (PartnerTextError(input.Name, input.ApiClientId, input.Regions, input.ContactEmail) is { } badText)
            return ReferralAdminPayload<Partner>.Failed(badText);
        var clientId = string.IsNullOrWhiteSpace(input.ApiClientId) ? null : input.ApiClientId.Trim();
        if (clientId is not null && await db.Partners.AnyAsync(p => p.ApiClientId == clientId, ct))
            return ReferralAdminPayload<Partner>.Failed(new ValidationError("apiClientId", $"The API client \"{clientId}\" is already bound to another partner."));
        if (input.Regions?.Any(r => r.Contains(',')) == true)
            return ReferralAdminPayload<Partner>.Failed(RegionWithComma);
        var partner = new Partner
        {
            Name = input.Name.Trim(),
            Type = input.Type,
            Regions = JoinRegions(input.Regions),
            ContactEmail = Trimmed(input.ContactEmail),
            ApiClientId = clientId,
        };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return ReferralAdminPayload<Partner>.Ok(partner);
    }

    /// <summary>Changes a partner; an inactive partner's codes stop attributing.</summary>
    public async Task<ReferralAdminPayload<Partner>> UpdatePartnerAsync(UpdatePartnerInput input, long id, CancellationToken ct)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
            return ReferralAdminPayload<Partner>.Failed(new NotFoundError(input.PartnerId, $"No partner has the ID \"{input.PartnerId}\"."));
        if (input.Name is { } name && string.IsNullOrWhiteSpace(name))
            return ReferralAdminPayload<Partner>.Failed(new ValidationError("name", "A partner needs a name."));
        if (PartnerTextError(input.Name, null, input.Regions, input.ContactEmail) is { } badText)
            return ReferralAdminPayload<Partner>.Failed(badText);
        if (input.Regions?.Any(r => r.Contains(',')) == true)
            return ReferralAdminPayload<Partner>.Failed(RegionWithComma);
        db.Expect(partner, input.ExpectedVersion);
        partner.Name = input.Name?.Trim() ?? partner.Name;
        partner.Type = input.Type ?? partner.Type;
        partner.Regions = input.Regions is { } regions ? JoinRegions(regions) : partner.Regions;
        partner.ContactEmail = input.ContactEmail is { } email ? Trimmed(email) : partner.ContactEmail;
        partner.IsActive = input.IsActive ?? partner.IsActive;
        return await db.SaveOrConflictAsync(partner, ct) is { } conflict ? ReferralAdminPayload<Partner>.Failed(conflict) : ReferralAdminPayload<Partner>.Ok(partner);
    }

    private ValidationError? PartnerTextError(string? name, string? apiClientId, IEnumerable<string>? regions, string? contactEmail) =>
        db.Check<Partner>(nameof(Partner.Name), "name", name?.Trim())
        ?? db.Check<Partner>(nameof(Partner.ApiClientId), "apiClientId", apiClientId?.Trim())
        ?? db.Check<Partner>(nameof(Partner.Regions), "regions", JoinRegions(regions))
        ?? db.Check<Partner>(nameof(Partner.ContactEmail), "contactEmail", contactEmail?.Trim());

    private ValidationError? ProgramTextError(string? name, string? description) =>
        db.Check<ReferralProgram>(nameof(ReferralProgram.Name), "name", name?.Trim())
        ?? db.Check<ReferralProgram>(nameof(ReferralProgram.Description), "description", description?.Trim(), freeText: true);

    private static readonly ValidationError RegionWithComma = new("regions", "A region name cannot contain a comma.");

    private static string? JoinRegions(IEnumerable<string>? regions) =>
        regions?.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList() is { Count: > 0 } list ? string.Join(',', list) : null;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public async Task<ReferralAdminPayload<ReferralProgram>> CreateProgramAsync(CreateReferralProgramInput input, IReadOnlyList<long> eligiblePartnerIds, CancellationToken ct)
    {
        if (ProgramTextError(input.Name, input.Description) is { } badText)
            return ReferralAdminPayload<ReferralProgram>.Failed(badText);
        var eligible = eligiblePartnerIds.Distinct().ToList();
        var program = new ReferralProgram
        {
            Name = input.Name.Trim(),
            Description = Trimmed(input.Description),
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
        if (ReferralProgramRules.Check(program) is { } problem)
            return ReferralAdminPayload<ReferralProgram>.Failed(problem);
        if (!await PartnersExistAsync(eligible, ct))
            return ReferralAdminPayload<ReferralProgram>.Failed(new ValidationError("eligiblePartnerIds", "Every eligible partner must exist."));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReferralPrograms.Add(program);
        await db.SaveChangesAsync(ct); // the eligibility rows need the program's id
        db.ReferralProgramPartners.AddRange(eligible.Select(id => new ReferralProgramPartner { ProgramId = program.Id, PartnerId = id }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ReferralAdminPayload<ReferralProgram>.Ok(program);
    }

    /// <summary>Program fields an explicit null may clear (no cap, no end date); a null expected version means "don't check".</summary>
    private static readonly string[] ClearableProgramFields = ["capPerReferralMinor", "activeTo", "expectedVersion"];

    /// <summary>
    /// Changes a program's terms. Rewards already earned keep their amounts and approval dates; the new
    /// reward terms apply to rewards earned afterwards (R3).
    /// </summary>
    public async Task<ReferralAdminPayload<ReferralProgram>> UpdateProgramAsync(UpdateReferralProgramInput input, long id, IReadOnlyList<long>? eligiblePartnerIds, CancellationToken ct)
    {
        var program = await db.ReferralPrograms.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null)
            return ReferralAdminPayload<ReferralProgram>.Failed(new NotFoundError(input.ProgramId, $"No referral program has the ID \"{input.ProgramId}\"."));
        if (input.Nulls.Except(ClearableProgramFields).FirstOrDefault() is { } field)
            return ReferralAdminPayload<ReferralProgram>.Failed(new ValidationError(field, $"`{field}` cannot be cleared; omit it to keep its value."));
        if (ProgramTextError(input.Name, input.Description) is { } badText)
            return ReferralAdminPayload<ReferralProgram>.Failed(badText);
        var eligible = eligiblePartnerIds?.Distinct().ToList();
        if (eligible is not null && !await PartnersExistAsync(eligible, ct))
            return ReferralAdminPayload<ReferralProgram>.Failed(new ValidationError("eligiblePartnerIds", "Every eligible partner must exist."));
        db.Expect(program, input.ExpectedVersion);
        program.Name = input.Name?.Trim() ?? program.Name;
        program.Description = input.Description is { } description ? Trimmed(description) : program.Description;
        program.RewardValue = input.RewardValue ?? program.RewardValue;
        program.CapPerReferralMinor = input.Nulls.Contains("capPerReferralMinor") ? null : input.CapPerReferralMinor ?? program.CapPerReferralMinor;
        program.AttributionWindowDays = input.AttributionWindowDays ?? program.AttributionWindowDays;
        program.HoldingPeriodDays = input.HoldingPeriodDays ?? program.HoldingPeriodDays;
        program.ActiveFrom = input.ActiveFrom ?? program.ActiveFrom;
        program.ActiveTo = input.Nulls.Contains("activeTo") ? null : input.ActiveTo ?? program.ActiveTo;
        program.IsActive = input.IsActive ?? program.IsActive;
        if (ReferralProgramRules.Check(program) is { } problem)
        {
            db.Entry(program).State = EntityState.Detached; // nothing of the refused change may be saved later in the request
            return ReferralAdminPayload<ReferralProgram>.Failed(problem);
        }
        if (eligible is not null)
        {
            program.OpenToAllPartners = eligible.Count == 0;
            db.Entry(program).State = EntityState.Modified; // a new list is a new version of the program
            var current = await db.ReferralProgramPartners.Where(e => e.ProgramId == id).ToListAsync(ct);
            db.ReferralProgramPartners.RemoveRange(current.Where(e => !eligible.Contains(e.PartnerId)));
            db.ReferralProgramPartners.AddRange(eligible.Except(current.Select(e => e.PartnerId)).Select(pid => new ReferralProgramPartner { ProgramId = id, PartnerId = pid }));
        }
        return await db.SaveOrConflictAsync(program, ct) is { } conflict ? ReferralAdminPayload<ReferralProgram>.Failed(conflict) : ReferralAdminPayload<ReferralProgram>.Ok(program);
    }

    private async Task<bool> PartnersExistAsync(IReadOnlyList<long> ids, CancellationToken ct) =>
        await db.Partners.CountAsync(p => ids.Contains(p.Id), ct) == ids.Count;

    public async Task<ReferralAdminPayload<ReferralCode>> CreateCodeAsync(CreateReferralCodeInput input, long programId, long? partnerId, long? clientId, CancellationToken ct)
    {
        var code = input.Code.Trim();
        if (code.Length is 0 or > 64)
            return ReferralAdminPayload<ReferralCode>.Failed(new ValidationError("code", "A code has 1 to 64 characters."));
        if (TextInputs.Check("code", code) is { } badCode)
            return ReferralAdminPayload<ReferralCode>.Failed(badCode);
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
