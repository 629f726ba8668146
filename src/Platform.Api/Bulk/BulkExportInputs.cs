using GraphQL.Types;
using Platform.Api.Leads;
using Platform.Domain.Bulk;

namespace Platform.Api.Bulk;

/// <summary>Input of <c>startBulkExport</c>.</summary>
public sealed class StartBulkExportInput
{
    public BulkExportType Type { get; set; }
    public LeadFilter? LeadFilter { get; set; }
    public List<string>? Fields { get; set; }
}

/// <summary>Input of <c>cancelBulkExport</c>.</summary>
public sealed class CancelBulkExportInput
{
    public string ExportId { get; set; } = "";
}

/// <summary>The <c>StartBulkExportInput</c> type.</summary>
public sealed class StartBulkExportInputType : InputObjectGraphType<StartBulkExportInput>
{
    public StartBulkExportInputType()
    {
        Name = "StartBulkExportInput";
        Description = "What to export: a type, the list field's filter and the fields of each row.";
        Field(x => x.Type).Description("The type of the rows; each row has the fields of that GraphQL type and its global `id`.");
        Field<LeadFilterInputType>("leadFilter").Description("For `LEADS`: the conditions of `leads(filter:)`; every lead the caller may read when left out.");
        Field(x => x.Fields, nullable: true).Description("The fields of each row, named as in the GraphQL type (e.g. `[\"firstName\", \"status\", \"owner\"]`); `id` is always included; every field when left out. A reference such as `owner` is written `{\"id\": …}`; connections (a lead's `activities`) are not exported.");
    }
}

/// <summary>The <c>CancelBulkExportInput</c> type.</summary>
public sealed class CancelBulkExportInputType : InputObjectGraphType<CancelBulkExportInput>
{
    public CancelBulkExportInputType()
    {
        Name = "CancelBulkExportInput";
        Description = "Names a bulk export to cancel.";
        Field<NonNullGraphType<IdGraphType>>("exportId").Description("The export.");
    }
}
