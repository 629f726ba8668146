using GraphQL.Types;
using Platform.Api.Clients;
using Platform.Api.Deals;
using Platform.Api.Leads;
using Platform.Api.Referrals;
using Platform.Domain.Bulk;

namespace Platform.Api.Bulk;

/// <summary>Input of <c>startBulkExport</c>.</summary>
public sealed class StartBulkExportInput
{
    public BulkExportType Type { get; set; }
    public LeadFilter? LeadFilter { get; set; }
    public ClientFilter? ClientFilter { get; set; }
    public DealFilter? DealFilter { get; set; }
    public ReferralFilter? ReferralFilter { get; set; }
    public RewardFilter? RewardFilter { get; set; }
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
        Field<LeadFilterInputType>("leadFilter").Description("For `LEADS`: the conditions of `leads(filter:)`; every lead the caller may read when left out. `{ marketingConsent: true }` keeps the leads without marketing consent out of a marketing list.");
        Field<ClientFilterInputType>("clientFilter").Description("For `CLIENTS`: the conditions of `clients(filter:)`; every client when left out.");
        Field<DealFilterInputType>("dealFilter").Description("For `DEALS`: the conditions of `deals(filter:)`; every deal when left out.");
        Field<ReferralFilterInputType>("referralFilter").Description("For `REFERRALS`: the conditions of `referrals(filter:)`; every referral the caller may read when left out.");
        Field<RewardFilterInputType>("rewardFilter").Description("For `REWARDS`: the conditions of `rewards(filter:)`; every reward the caller may read when left out. `ORDERS` and `ACTIVITIES` take no filter.");
        Field(x => x.Fields, nullable: true).Description("The fields of each row, named as in the GraphQL type (e.g. `[\"firstName\", \"status\", \"owner\"]`); `id` is always included; every field when left out. A reference such as `owner` is written `{\"id\": …}`; connections (a lead's `activities`) and a client's figures computed from its orders are not exported.");
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
