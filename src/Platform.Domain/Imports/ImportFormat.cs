namespace Platform.Domain.Imports;

/// <summary>How an import file is written.</summary>
public enum ImportFormat
{
    /// <summary>Comma-separated values (RFC 4180), UTF-8, with a header row naming the columns.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line, UTF-8; its property names are the columns.</summary>
    Jsonl,
}
