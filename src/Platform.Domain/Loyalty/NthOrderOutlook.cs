namespace Platform.Domain.Loyalty;

/// <summary>What the client's next qualifying order gets from the every-Nth rule.</summary>
/// <param name="NextOrdinal">The ordinal the next qualifying order will have (paid qualifying orders + 1).</param>
/// <param name="NextBasisPoints">D4 discount of that order in basis points; 0 when it is not a 5th/10th….</param>
/// <param name="OrdersUntilDiscount">Qualifying orders until the next one with a D4 discount: 0 when the next order has it.</param>
/// <param name="DiscountedOrdinal">The ordinal of the next qualifying order with a D4 discount.</param>
/// <param name="DiscountedBasisPoints">The D4 discount of that order in basis points.</param>
public sealed record NthOrderOutlook(int NextOrdinal, int NextBasisPoints, int OrdersUntilDiscount, int DiscountedOrdinal, int DiscountedBasisPoints);
