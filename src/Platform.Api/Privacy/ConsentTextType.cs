using Platform.Api.Common;
using Platform.Domain.Privacy;

namespace Platform.Api.Privacy;

/// <summary>The <c>ConsentText</c> object type.</summary>
public sealed class ConsentTextType : EntityType<ConsentText>
{
    public ConsentTextType() : base("A version of the marketing consent wording a form shows. Send its ID as `consentTextId` with `submitLead`: the evidence of the person's choice names it. Versions never change; new wording is a new version.")
    {
        Field(x => x.Text).Description("The wording, exactly as the form shows it.");
        Field(x => x.CreatedBy, nullable: true).Description("The staff user or API client that added it.");
    }
}
