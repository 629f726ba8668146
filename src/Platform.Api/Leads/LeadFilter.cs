using System.Linq.Expressions;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.Domain.Staff;

namespace Platform.Api.Leads;

/// <summary>Conditions on leads; all given conditions must hold, a list matches any of its values.</summary>
public sealed class LeadFilter
{
    public List<LeadStatus>? Status { get; set; }
    public List<LeadTemperature>? Temperature { get; set; }
    public List<LeadOrigin>? Origin { get; set; }
    public List<RequestType>? RequestType { get; set; }
    public List<string>? Channel { get; set; }
    public string? LandingPage { get; set; }
    public string? OwnerId { get; set; }
    public DateTime? CreatedAfter { get; set; }
    public DateTime? CreatedBefore { get; set; }
    public bool? Overdue { get; set; }
    public DateTime? PostponedFrom { get; set; }
    public DateTime? PostponedTo { get; set; }
    public string? PartnerId { get; set; }
    public string? Search { get; set; }
    public bool? MarketingConsent { get; set; }

    /// <summary>A phone is searched as stored (E.164), whatever notation was typed, e.g. 8 (916) 555-12-34.</summary>
    public void NormalizeSearch(ContactNormalizer normalizer)
    {
        if (Search is { } search && !search.Contains('@') && normalizer.Phone(search) is { } phone)
            Search = phone;
    }

    public IQueryable<Lead> Apply(IQueryable<Lead> leads, DateTime now)
    {
        if (Status is { Count: > 0 })
            leads = leads.Where(x => Status.Contains(x.Status));
        if (Temperature is { Count: > 0 })
            leads = leads.Where(x => Temperature.Contains(x.Temperature));
        if (Origin is { Count: > 0 })
            leads = leads.Where(x => Origin.Contains(x.Origin));
        if (RequestType is { Count: > 0 })
            leads = leads.Where(x => RequestType.Contains(x.RequestType));
        if (TextInputs.Argument(Channel, "filter.channel") is { Count: > 0 } channels)
            leads = leads.Where(x => channels.Contains(x.Channel));
        if (TextInputs.Argument(LandingPage, "filter.landingPage") is { } landingPage)
            leads = leads.Where(x => x.LandingPage == landingPage);
        if (GlobalIds.DecodeOptional<StaffUser>(OwnerId, "filter.ownerId") is { } ownerId)
            leads = leads.Where(x => x.OwnerId == ownerId);
        if (CreatedAfter is { } after)
            leads = leads.Where(x => x.CreatedAt >= after);
        if (CreatedBefore is { } before)
            leads = leads.Where(x => x.CreatedAt < before);
        // Overdue: open, past the first-response deadline, not contacted yet
        // (the SQL form of Lead.IsOverdueAt); false keeps every other lead.
        if (Overdue is { } overdue)
        {
            Expression<Func<Lead, bool>> isOverdue = x => x.FirstRespondedAt == null && x.FirstResponseDueAt < now
                && (x.Status == LeadStatus.New || x.Status == LeadStatus.Assigned || x.Status == LeadStatus.InProgress || x.Status == LeadStatus.Qualified);
            leads = leads.Where(overdue ? isOverdue : Expression.Lambda<Func<Lead, bool>>(Expression.Not(isOverdue.Body), isOverdue.Parameters));
        }
        if (PostponedFrom is { } from)
            leads = leads.Where(x => x.PostponedUntil >= from);
        if (PostponedTo is { } to)
            leads = leads.Where(x => x.PostponedUntil < to);
        if (GlobalIds.DecodeOptional<Partner>(PartnerId, "filter.partnerId") is { } partnerId)
            leads = leads.Where(x => x.PartnerId == partnerId);
        if (MarketingConsent is { } consent)
            leads = leads.Where(x => x.MarketingConsent == consent);
        if (SearchTerm() is { } term)
            leads = leads.Where(x => x.Phone == term || x.Email == term);
        return leads;
    }

    /// <summary>Search matches the stored forms: e-mail lower-case, phone as digits with a leading + (E.164).</summary>
    private string? SearchTerm()
    {
        if (TextInputs.Argument(Search, "filter.search")?.Trim() is not { Length: > 0 } text)
            return null;
        if (text.Contains('@'))
            return text.ToLowerInvariant();
        var digits = new string(text.Where(char.IsDigit).ToArray());
        return digits.Length > 0 ? "+" + digits : text;
    }
}
