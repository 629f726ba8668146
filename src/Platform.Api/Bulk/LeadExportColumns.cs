using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using static Platform.Api.Bulk.ExportColumn<Platform.Domain.Leads.Lead>;

namespace Platform.Api.Bulk;

/// <summary>The fields of an exported lead: those of the <c>Lead</c> type but its <c>activities</c> connection.</summary>
public static class LeadExportColumns
{
    public static readonly ExportColumns<Lead> Columns = new(
        Id(x => x.Id),
        Time("createdAt", x => x.CreatedAt),
        Time("updatedAt", x => x.UpdatedAt),
        Number("version", x => x.Version),
        Text("firstName", x => x.FirstName),
        Text("lastName", x => x.LastName),
        Text("phone", x => x.Phone),
        Text("email", x => x.Email),
        Text("company", x => x.Company),
        Text("position", x => x.Position),
        Text("region", x => x.Region),
        Text("message", x => x.Message),
        Enum<RequestType>("requestType", x => x.RequestType),
        Text("channel", x => x.Channel),
        Text("landingPage", x => x.LandingPage),
        Text("pageUrl", x => x.PageUrl),
        Text("referrer", x => x.Referrer),
        Text("utmSource", x => x.UtmSource),
        Text("utmMedium", x => x.UtmMedium),
        Text("utmCampaign", x => x.UtmCampaign),
        Text("utmTerm", x => x.UtmTerm),
        Text("utmContent", x => x.UtmContent),
        Enum<LeadTemperature>("temperature", x => x.Temperature),
        Enum<LeadOrigin>("origin", x => x.Origin),
        Enum<LeadStatus>("status", x => x.Status),
        Time("assignedAt", x => x.AssignedAt),
        Time("firstResponseDueAt", x => x.FirstResponseDueAt),
        Time("firstRespondedAt", x => x.FirstRespondedAt),
        Time("nextContactAt", x => x.NextContactAt),
        Text("nextContactTopic", x => x.NextContactTopic),
        Number("touchCount", x => x.TouchCount),
        Flag("marketingConsent", x => x.MarketingConsent),
        Time("consentAt", x => x.ConsentAt),
        Flag("needConfirmed", x => x.NeedConfirmed),
        Flag("canPay", x => x.CanPay),
        Flag("hasDecisionAuthority", x => x.HasDecisionAuthority),
        Time("qualifiedAt", x => x.QualifiedAt),
        Enum<Platform.Domain.RefusedBy>("refusedBy", x => x.RefusedBy),
        Text("refusalReason", x => x.RefusalReason),
        Time("refusedAt", x => x.RefusedAt),
        Time("postponedUntil", x => x.PostponedUntil),
        Time("convertedAt", x => x.ConvertedAt),
        Number("completeness", x => x.Completeness),
        Number("firstResponseTime", x => x.FirstResponseTime is { } t ? (int)t.TotalSeconds : null),
        Flag("isOverdue", (x, now) => x.IsOverdueAt(now)),
        Reference<StaffUser>("owner", x => x.OwnerId),
        Reference<Client>("client", x => x.ConvertedClientId));
}
