using System.Linq.Expressions;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Kpis;

/// <summary>What KPI rows can be grouped by besides the time bucket.</summary>
public enum KpiDimension
{
    /// <summary>The lead's channel code, e.g. LANDING_PAGE.</summary>
    Channel,

    /// <summary>The code of the landing page that submitted the lead.</summary>
    LandingPage,

    /// <summary>The lead's temperature: COLD, WARM or HOT.</summary>
    Temperature,

    /// <summary>The lead's origin: SEED, NET or SPEAR.</summary>
    Origin,

    /// <summary>The responsible manager (a StaffUser global ID): the lead's owner; for orders, the client's owner.</summary>
    Manager,

    /// <summary>The partner (a Partner global ID) that referred or submitted the lead, else the one it was given to.</summary>
    Partner,
}

/// <summary>Dimension values as strings the database groups by, and their display form in KPI rows.</summary>
internal static class KpiDimensions
{
    /// <summary>The dimension of a lead; null groups everything together.</summary>
    public static Expression<Func<Lead, string?>> OfLead(KpiDimension? dimension) => dimension switch
    {
        null => l => null,
        KpiDimension.Channel => l => l.Channel,
        KpiDimension.LandingPage => l => l.LandingPage,
        KpiDimension.Temperature => l => l.Temperature.ToString(),
        KpiDimension.Origin => l => l.Origin.ToString(),
        KpiDimension.Manager => l => l.OwnerId == null ? null : ((long)l.OwnerId).ToString(),
        KpiDimension.Partner => l => l.PartnerId != null ? ((long)l.PartnerId).ToString()
            : l.AssignedPartnerId != null ? ((long)l.AssignedPartnerId).ToString() : null,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>How a grouped value appears in a row: enum values as GraphQL names, ids as global IDs.</summary>
    public static string? Display(KpiDimension? dimension, string? value) => value is null ? null : dimension switch
    {
        KpiDimension.Temperature or KpiDimension.Origin => value.ToUpperInvariant(),
        KpiDimension.Manager => GlobalId.Encode("StaffUser", long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        KpiDimension.Partner => GlobalId.Encode("Partner", long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => value,
    };
}
