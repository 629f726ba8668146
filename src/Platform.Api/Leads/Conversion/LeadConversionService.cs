using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Referrals;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.Domain.Staff;

namespace Platform.Api.Leads.Conversion;

/// <summary>
/// <c>convertLead</c>: from QUALIFIED only; links an existing
/// client matched by tax id, e-mail or phone, or creates one, plus the contact and optionally a
/// deal in the default pipeline — all in one transaction. The client keeps the link to the lead
///, the moment is recorded (C5) and lead and client owners are both kept (C4).
/// </summary>
public sealed class LeadConversionService(PlatformDbContext db, TimeProvider time, RewardEvents rewards)
{
    public async Task<ConvertLeadPayload> ConvertAsync(string leadId, long id, ConvertLeadInput input, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (lead is null)
            return ConvertLeadPayload.Failed(new NotFoundError(leadId, $"No lead has the ID \"{leadId}\"."));
        db.Expect(lead, input.ExpectedVersion);
        if (LeadService.Check(lead, LeadStatus.Converted) is { } invalid)
            return ConvertLeadPayload.Failed(invalid);
        if (input.CreateDeal && string.IsNullOrWhiteSpace(input.DealTitle))
            return ConvertLeadPayload.Failed(new ValidationError("dealTitle", "A deal needs a title."));
        if ((db.Check<Client>(nameof(Client.Name), "clientName", input.ClientName?.Trim())
            ?? db.Check<Client>(nameof(Client.TaxId), "taxId", input.TaxId?.Trim())
            ?? db.Check<Deal>(nameof(Deal.Title), "dealTitle", input.DealTitle?.Trim())) is { } badText)
            return ConvertLeadPayload.Failed(badText);
        if (input.DealAmountMinor is < 0)
            return ConvertLeadPayload.Failed(new ValidationError("dealAmountMinor", "The deal amount cannot be negative."));
        var clientOwnerId = GlobalIds.DecodeOptional<StaffUser>(input.ClientOwnerId, "input.clientOwnerId") ?? lead.OwnerId;
        if (input.ClientOwnerId is not null && !await db.StaffUsers.AnyAsync(s => s.Id == clientOwnerId && s.IsActive, ct))
            return ConvertLeadPayload.Failed(new ValidationError("clientOwnerId", "The client owner must be an active staff user."));

        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taxId = string.IsNullOrWhiteSpace(input.TaxId) ? null : input.TaxId.Trim();
        var client = await FindClientAsync(taxId, lead.Email, lead.Phone, ct);
        var existed = client is not null;
        if (client is null)
        {
            client = new Client
            {
                Name = input.ClientName?.Trim() ?? lead.Company ?? $"{lead.FirstName} {lead.LastName}".Trim(),
                Kind = input.ClientKind ?? (lead.Company is null ? ClientKind.Person : ClientKind.Company),
                TaxId = taxId,
                Email = lead.Email,
                Phone = lead.Phone,
                Region = lead.Region,
                OwnerId = clientOwnerId,
                OriginLeadId = lead.Id,
            };
            db.Clients.Add(client);
        }
        client.OriginLeadId ??= lead.Id;

        var contact = await FindContactAsync(client, lead, ct) ?? new Contact
        {
            Client = client,
            FirstName = lead.FirstName,
            LastName = lead.LastName,
            Position = lead.Position,
            PositionGroup = lead.PositionGroup,
            Phone = lead.Phone,
            Email = lead.Email,
            HasDecisionAuthority = lead.HasDecisionAuthority == true,
            OriginLeadId = lead.Id,
        };
        if (contact.Id == 0)
            db.Contacts.Add(contact);

        Deal? deal = null;
        if (input.CreateDeal)
        {
            deal = new Deal
            {
                Client = client,
                LeadId = lead.Id,
                PipelineId = DefaultPipeline.PipelineId,
                OwnerId = lead.OwnerId,
                Title = input.DealTitle!.Trim(),
                AmountMinor = input.DealAmountMinor ?? 0,
            };
            deal.EnterStage(DefaultPipeline.StageId(PipelineStageCodes.New), now, by: null);
            db.Deals.Add(deal);
        }

        try
        {
            await db.SaveChangesAsync(ct); // the client's id first: the lead and the referral point to it
            lead.Convert(client.Id, now);
            if (await db.Referrals.SingleOrDefaultAsync(r => r.LeadId == lead.Id, ct) is { } referral)
            {
                referral.ClientId = client.Id;
                if (referral.Status == ReferralStatus.Referred)
                    referral.Convert(now);
            }
            await rewards.OnConvertedAsync(lead.Id, client.Id, now, ct); // PENDING at conversion
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var version = await db.Leads.Where(l => l.Id == id).Select(l => l.Version).SingleAsync(ct);
            return ConvertLeadPayload.Failed(new ConflictError(version, $"The Lead was changed by someone else (now at version {version}); reload it and retry."));
        }
        return new ConvertLeadPayload(lead, client, contact, deal, existed, []);
    }

    /// <summary>Deduplication: the tax id decides when given; otherwise the same e-mail or phone.</summary>
    private async Task<Client?> FindClientAsync(string? taxId, string? email, string? phone, CancellationToken ct)
    {
        if (taxId is not null)
            return await db.Clients.Where(c => c.TaxId == taxId).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (email is null && phone is null)
            return null;
        return await db.Clients
            .Where(c => (email != null && c.Email == email) || (phone != null && c.Phone == phone))
            .OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<Contact?> FindContactAsync(Client client, Lead lead, CancellationToken ct)
    {
        if (client.Id == 0)
            return null;
        return await db.Contacts
            .Where(c => c.ClientId == client.Id && ((lead.Email != null && c.Email == lead.Email) || (lead.Phone != null && c.Phone == lead.Phone)))
            .OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
    }
}
