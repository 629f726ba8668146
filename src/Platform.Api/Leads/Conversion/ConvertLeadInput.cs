using GraphQL.Types;
using Platform.Api.Leads.Inputs;
using Platform.Domain.Clients;

namespace Platform.Api.Leads.Conversion;

/// <summary>Input of <c>convertLead</c>.</summary>
public sealed class ConvertLeadInput
{
    public string LeadId { get; set; } = "";
    public string? ClientName { get; set; }
    public ClientKind? ClientKind { get; set; }
    public string? TaxId { get; set; }
    public string? ClientOwnerId { get; set; }
    public bool CreateDeal { get; set; }
    public string? DealTitle { get; set; }
    public long? DealAmountMinor { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>ConvertLeadInput</c> type.</summary>
public sealed class ConvertLeadInputType : InputObjectGraphType<ConvertLeadInput>
{
    public ConvertLeadInputType()
    {
        Name = "ConvertLeadInput";
        Description = "Converts a QUALIFIED lead into a client with a contact and optionally a deal, atomically.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.ClientName, nullable: true).Description("The client's name; the lead's company, or the person's full name, when omitted.");
        Field(x => x.ClientKind, nullable: true).Description("Company or person; COMPANY when the lead names a company, PERSON otherwise.");
        Field(x => x.TaxId, nullable: true).Description("The company's taxpayer id; an existing client with this id is linked instead of creating one.");
        Field<IdGraphType>("clientOwnerId").Description("The client's responsible staff user (usually a farmer); the lead's owner when omitted. The lead keeps its own owner.");
        Field(x => x.CreateDeal, nullable: true).Description("Also open a deal in the default pipeline.");
        Field(x => x.DealTitle, nullable: true).Description("The deal's title; required with `createDeal`.");
        Field(x => x.DealAmountMinor, nullable: true).Description("The deal's expected value in euro cents.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
