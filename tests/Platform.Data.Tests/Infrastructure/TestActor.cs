namespace Platform.Data.Tests.Infrastructure;

/// <summary>A settable current actor, registered instead of the default <see cref="SystemActor"/>.</summary>
internal sealed class TestActor : ICurrentActor
{
    public string? Name { get; set; } = "anna@test";

    public string? ClientId { get; set; } = "crm-web";

    public long? PartnerId { get; set; }

    public long? LeadOwnerId { get; set; }
}
