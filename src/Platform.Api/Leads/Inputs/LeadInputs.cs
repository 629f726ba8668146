namespace Platform.Api.Leads.Inputs;

/// <summary>Descriptions shared by the lead mutation inputs.</summary>
internal static class LeadInputs
{
    public const string ExpectedVersion = "The lead's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.";
}
