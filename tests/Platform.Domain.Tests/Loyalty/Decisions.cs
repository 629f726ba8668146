using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Domain;
using Platform.Domain.Loyalty;

namespace Platform.Domain.Tests.Loyalty;

/// <summary>
/// The loyalty settings (D1–D6) as the API ships them: read from <c>src/Platform.Api/appsettings.json</c> (linked into
/// this project's output), so the rules are tested with the values production runs and a changed default shows here.
/// </summary>
internal static class Decisions
{
    private static readonly string Loyalty = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))
        .RootElement.GetProperty(LoyaltyOptions.Section).GetRawText();

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The shipped settings; <paramref name="policy"/> and <paramref name="maxTotalBasisPoints"/> replace theirs when given.</summary>
    public static LoyaltyOptions Options(StackingPolicy? policy = null, int? maxTotalBasisPoints = null)
    {
        var options = JsonSerializer.Deserialize<LoyaltyOptions>(Loyalty, Json)!;
        options.StackingPolicy = policy ?? options.StackingPolicy;
        options.MaxTotalBasisPoints = maxTotalBasisPoints ?? options.MaxTotalBasisPoints;
        return options;
    }

    public static DiscountEngine Engine(StackingPolicy? policy = null, int? maxTotalBasisPoints = null) =>
        new(Options(policy, maxTotalBasisPoints));

    public static Money Eur(decimal major) => Money.FromMajor(major, Currencies.Eur);

    public static readonly DateTime Today = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
}
