namespace Platform.Api.Kpis;

/// <summary>Paid orders, Σ net, paying clients and clients with ≥ 2 paid orders of one bucket, dimension value and currency.</summary>
internal sealed record RevenueTotal(int Bucket, string? Dimension, string Currency, int Orders, long Revenue, int Clients, int RepeatClients);
