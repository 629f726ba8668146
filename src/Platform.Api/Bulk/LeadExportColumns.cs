using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Bulk;

/// <summary>The fields of an exported lead: those of the <c>Lead</c> type but its <c>activities</c> connection.</summary>
public static class LeadExportColumns
{
    public static readonly ExportColumns<Lead> Columns = new(
        ("id", (x, _) => GlobalId.Encode(nameof(Lead), x.Id)),
        ("createdAt", (x, _) => x.CreatedAt),
        ("updatedAt", (x, _) => x.UpdatedAt),
        ("version", (x, _) => x.Version),
        ("firstName", (x, _) => x.FirstName),
        ("lastName", (x, _) => x.LastName),
        ("phone", (x, _) => x.Phone),
        ("email", (x, _) => x.Email),
        ("company", (x, _) => x.Company),
        ("position", (x, _) => x.Position),
        ("region", (x, _) => x.Region),
        ("message", (x, _) => x.Message),
        ("requestType", (x, _) => x.RequestType),
        ("channel", (x, _) => x.Channel),
        ("landingPage", (x, _) => x.LandingPage),
        ("pageUrl", (x, _) => x.PageUrl),
        ("referrer", (x, _) => x.Referrer),
        ("utmSource", (x, _) => x.UtmSource),
        ("utmMedium", (x, _) => x.UtmMedium),
        ("utmCampaign", (x, _) => x.UtmCampaign),
        ("utmTerm", (x, _) => x.UtmTerm),
        ("utmContent", (x, _) => x.UtmContent),
        ("temperature", (x, _) => x.Temperature),
        ("origin", (x, _) => x.Origin),
        ("status", (x, _) => x.Status),
        ("assignedAt", (x, _) => x.AssignedAt),
        ("firstResponseDueAt", (x, _) => x.FirstResponseDueAt),
        ("firstRespondedAt", (x, _) => x.FirstRespondedAt),
        ("nextContactAt", (x, _) => x.NextContactAt),
        ("nextContactTopic", (x, _) => x.NextContactTopic),
        ("touchCount", (x, _) => x.TouchCount),
        ("marketingConsent", (x, _) => x.MarketingConsent),
        ("consentAt", (x, _) => x.ConsentAt),
        ("needConfirmed", (x, _) => x.NeedConfirmed),
        ("canPay", (x, _) => x.CanPay),
        ("hasDecisionAuthority", (x, _) => x.HasDecisionAuthority),
        ("qualifiedAt", (x, _) => x.QualifiedAt),
        ("refusedBy", (x, _) => x.RefusedBy),
        ("refusalReason", (x, _) => x.RefusalReason),
        ("refusedAt", (x, _) => x.RefusedAt),
        ("postponedUntil", (x, _) => x.PostponedUntil),
        ("convertedAt", (x, _) => x.ConvertedAt),
        ("completeness", (x, _) => x.Completeness),
        ("firstResponseTime", (x, _) => x.FirstResponseTime is { } t ? (int)t.TotalSeconds : null),
        ("isOverdue", (x, now) => x.IsOverdueAt(now)),
        ("owner", (x, _) => NodeReference.To<StaffUser>(x.OwnerId)),
        ("client", (x, _) => NodeReference.To<Client>(x.ConvertedClientId)));
}
