using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Data;

/// <summary>
/// Marks <see cref="DateTime"/> values read from a provider without time zones as UTC (all stored
/// timestamps are UTC); values are written unchanged.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
