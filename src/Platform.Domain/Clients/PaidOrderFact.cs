namespace Platform.Domain.Clients;

/// <summary>The facts of one fully paid order that the computed client fields need.</summary>
/// <param name="PlacedAt">When the order was placed; purchase intervals are measured between these.</param>
/// <param name="PaidAt">When it became fully paid; tenure (D3) and turnover count from this.</param>
/// <param name="GrossMinor">Amount before discounts, minor units; the D4 minimum applies to it.</param>
/// <param name="NetMinor">Amount paid, minor units; average check and turnover use it.</param>
public sealed record PaidOrderFact(DateTime PlacedAt, DateTime PaidAt, long GrossMinor, long NetMinor);
