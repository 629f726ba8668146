using GraphQL.Types;
using Platform.Domain;

namespace Platform.Api.Clients;

/// <summary>The contact fields of <c>addContact</c> and <c>updateContact</c>; in an update, null leaves a field as it is.</summary>
public class ContactCardInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Position { get; set; }
    public PositionGroup? PositionGroup { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool? HasDecisionAuthority { get; set; }
    public string? Notes { get; set; }
}

/// <summary>Input of <c>addContact</c>.</summary>
public sealed class AddContactInput : ContactCardInput
{
    public string ClientId { get; set; } = "";
}

/// <summary>Input of <c>updateContact</c>.</summary>
public sealed class UpdateContactInput : ContactCardInput
{
    public string ContactId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

internal static class ContactCardFields
{
    public static void Add<TInput>(InputObjectGraphType<TInput> type, bool create) where TInput : ContactCardInput
    {
        var keep = create ? "" : " Null leaves it unchanged.";
        if (create)
            type.Field<NonNullGraphType<StringGraphType>>("firstName").Description("First name.");
        else
            type.Field<StringGraphType>("firstName").Description("First name." + keep);
        type.Field<StringGraphType>("lastName").Description("Last name." + keep);
        type.Field<StringGraphType>("position").Description("Position as given." + keep);
        type.Field<EnumerationGraphType<PositionGroup>>("positionGroup").Description("Which of the nine position groups the person belongs to." + keep);
        type.Field<StringGraphType>("phone").Description("Phone number." + keep);
        type.Field<StringGraphType>("email").Description("E-mail address; stored lower-case." + keep);
        type.Field<BooleanGraphType>("hasDecisionAuthority").Description("Whether the person may negotiate and decide purchases." + keep);
        type.Field<StringGraphType>("notes").Description("Notes: language, priorities, interests." + keep);
    }
}

/// <summary>The <c>AddContactInput</c> type.</summary>
public sealed class AddContactInputType : InputObjectGraphType<AddContactInput>
{
    public AddContactInputType()
    {
        Name = "AddContactInput";
        Description = "A new person at a client.";
        Field<NonNullGraphType<IdGraphType>>("clientId").Description("The client's global ID.");
        ContactCardFields.Add(this, create: true);
    }
}

/// <summary>The <c>UpdateContactInput</c> type.</summary>
public sealed class UpdateContactInputType : InputObjectGraphType<UpdateContactInput>
{
    public UpdateContactInputType()
    {
        Name = "UpdateContactInput";
        Description = "Changes to a contact; fields left null stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("contactId").Description("The contact's global ID.");
        ContactCardFields.Add(this, create: false);
        Field(x => x.ExpectedVersion, nullable: true).Description("The contact's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}
