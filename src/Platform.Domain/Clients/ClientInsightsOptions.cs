namespace Platform.Domain.Clients;

/// <summary>Thresholds of the computed client fields, bound to the <c>Clients</c> section.</summary>
public sealed class ClientInsightsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Clients";

    /// <summary>A client is strategic above this share of the trailing-12-month turnover, in basis points (1000 = 10 %).</summary>
    public int StrategicShareBasisPoints { get; set; } = 1000;

    /// <summary>Paid orders a client needs before it can be sleeping (default 2).</summary>
    public int SleepingMinimumPaidOrders { get; set; } = 2;

    /// <summary>A client sleeps when the time since its last order exceeds this many median intervals (default 2.5).</summary>
    public decimal SleepingIntervalFactor { get; set; } = 2.5m;

    /// <summary>
    /// The strategic-client rule: the client's revenue is strictly more than
    /// <see cref="StrategicShareBasisPoints"/> of the total (10.00 % is not strategic, 10.01 % is); never with no total.
    /// Exact integer arithmetic, shared by <c>Client.isStrategic</c> and the strategic-clients KPI.
    /// </summary>
    public bool IsStrategic(long clientRevenueMinor, long totalRevenueMinor) =>
        totalRevenueMinor > 0 && (decimal)clientRevenueMinor * 10000m > (decimal)StrategicShareBasisPoints * totalRevenueMinor;

    /// <summary>What is wrong with the configuration; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (StrategicShareBasisPoints is < 0 or > 10000)
            problems.Add("Clients:StrategicShareBasisPoints must be between 0 and 10000.");
        if (SleepingMinimumPaidOrders < 2)
            problems.Add("Clients:SleepingMinimumPaidOrders must be at least 2 (an interval needs two orders).");
        if (SleepingIntervalFactor <= 0)
            problems.Add("Clients:SleepingIntervalFactor must be positive.");
        return problems;
    }
}
