namespace Platform.Domain.Privacy;

/// <summary>What an erasure request leaves in place of a person's data.</summary>
public static class PersonalData
{
    /// <summary>The value of a required name or a subject once erased.</summary>
    public const string Erased = "[erased]";
}
