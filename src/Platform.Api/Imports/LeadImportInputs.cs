using GraphQL.Types;
using Platform.Domain.Imports;
using Platform.Domain.Leads;

namespace Platform.Api.Imports;

/// <summary>Input of <c>importLeads</c>.</summary>
public sealed class ImportLeadsInput
{
    public string FileId { get; set; } = "";
    public ImportFormat Format { get; set; }
    public List<ImportColumnInput>? Mapping { get; set; }
    public ImportDefaultsInput? Defaults { get; set; }
}

/// <summary>One column of the file and the field it feeds.</summary>
public sealed class ImportColumnInput
{
    public string Column { get; set; } = "";
    public string Field { get; set; } = "";
}

/// <summary>Values for the rows that leave a field empty.</summary>
public sealed class ImportDefaultsInput
{
    public string? Channel { get; set; }
    public string? LandingPage { get; set; }
    public RequestType? RequestType { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
}

/// <summary>Input of <c>cancelLeadImport</c>.</summary>
public sealed class CancelLeadImportInput
{
    public string ImportId { get; set; } = "";
}

/// <summary>The <c>ImportLeadsInput</c> type.</summary>
public sealed class ImportLeadsInputType : InputObjectGraphType<ImportLeadsInput>
{
    public ImportLeadsInputType()
    {
        Name = "ImportLeadsInput";
        Description = "What to import: an uploaded file, how it is written, which column feeds which field, and values for fields the rows leave empty.";
        Field(x => x.FileId).Description("The `fileId` that `POST /imports/files` answered with; only the caller who uploaded the file may import it.");
        Field(x => x.Format).Description("How the file is written: `CSV` with a header row, or `JSONL`, one JSON object per line.");
        Field<ListGraphType<NonNullGraphType<ImportColumnInputType>>>("mapping")
            .Description("Which column (a CSV header, a JSON property) feeds which `SubmitLeadInput` field; columns not listed are ignored. Left out: every column named like a field feeds that field. `firstName` and `phone` must be fed.");
        Field<ImportDefaultsInputType>("defaults").Description("Values for the fields a row leaves empty (its cell is missing or blank).");
    }
}

/// <summary>The <c>ImportColumnInput</c> type.</summary>
public sealed class ImportColumnInputType : InputObjectGraphType<ImportColumnInput>
{
    public ImportColumnInputType()
    {
        Name = "ImportColumnInput";
        Description = "One column of the import file and the field it feeds.";
        Field(x => x.Column).Description("The column's name: a CSV header, exactly as written, or a JSON property name.");
        Field(x => x.Field).Description($"The `SubmitLeadInput` field it feeds, one of: {string.Join(", ", LeadImportFields.Names)}. A cell is read as the field's GraphQL value (`requestType` e.g. `DEMO_DOWNLOAD`, `marketingConsent` `true` or `false`, `consentAt` ISO 8601); a blank cell is empty.");
    }
}

/// <summary>The <c>ImportDefaultsInput</c> type.</summary>
public sealed class ImportDefaultsInputType : InputObjectGraphType<ImportDefaultsInput>
{
    public ImportDefaultsInputType()
    {
        Name = "ImportDefaultsInput";
        Description = "Values for the fields a row leaves empty; each as in `SubmitLeadInput`.";
        Field(x => x.Channel, nullable: true).Description("The channel code, e.g. `TRADE_SHOW`; `OTHER` when neither the row nor this gives one.");
        Field(x => x.LandingPage, nullable: true).Description("The landing page code.");
        Field(x => x.RequestType, nullable: true).Description("The kind of request; `CONSULTATION` when neither the row nor this gives one.");
        Field(x => x.UtmSource, nullable: true).Description("utm_source.");
        Field(x => x.UtmMedium, nullable: true).Description("utm_medium.");
        Field(x => x.UtmCampaign, nullable: true).Description("utm_campaign.");
    }
}

/// <summary>The <c>CancelLeadImportInput</c> type.</summary>
public sealed class CancelLeadImportInputType : InputObjectGraphType<CancelLeadImportInput>
{
    public CancelLeadImportInputType()
    {
        Name = "CancelLeadImportInput";
        Description = "Names a lead import to cancel.";
        Field<NonNullGraphType<IdGraphType>>("importId").Description("The import.");
    }
}
