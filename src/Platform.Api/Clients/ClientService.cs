using GraphQL;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Clients;

/// <summary>Client cards and their contacts, each change validated and saved atomically.</summary>
public sealed class ClientService(PlatformDbContext db, TimeProvider time, ContactNormalizer normalizer)
{
    public async Task<ClientPayload> CreateAsync(CreateClientInput input, long? ownerId, CancellationToken ct)
    {
        var client = new Client { Kind = input.Kind ?? ClientKind.Company, LoyaltyCategoryChangedAt = time.GetUtcNow().UtcDateTime };
        if (await ApplyAsync(client, input, db.OwnerOfNew(ownerId), input.OwnerId, ct) is { } error)
            return ClientPayload.Failed(error);
        client.LoyaltyCategory = input.LoyaltyCategory ?? LoyaltyCategory.Potential;
        db.Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return ClientPayload.Ok(client);
    }

    public async Task<ClientPayload> UpdateAsync(UpdateClientInput input, long id, long? ownerId, CancellationToken ct)
    {
        var client = await db.ChangeableClients().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
            return ClientPayload.Failed(new NotFoundError(input.ClientId, db.NotFoundMessage("client", input.ClientId)));
        if (input.LoyaltyCategory is { } to && !LoyaltyTransitions.IsAllowed(client.LoyaltyCategory, to))
        {
            var from = client.LoyaltyCategory;
            return ClientPayload.Failed(new TransitionNotAllowedError(Name(from), Name(to), LoyaltyTransitions.From(from).Select(Name).ToList(),
                $"A client cannot move from {Name(from)} to {Name(to)}; from {Name(from)} it may move to {string.Join(", ", LoyaltyTransitions.From(from).Select(Name))}."));
        }
        if (await ApplyAsync(client, input, ownerId, input.OwnerId, ct) is { } error)
            return ClientPayload.Failed(error);
        db.Expect(client, input.ExpectedVersion);
        if (input.LoyaltyCategory is { } category && category != client.LoyaltyCategory)
        {
            client.LoyaltyCategory = category;
            client.LoyaltyCategoryChangedAt = time.GetUtcNow().UtcDateTime;
        }
        return await db.SaveOrConflictAsync(client, ct) is { } conflict ? ClientPayload.Failed(conflict) : ClientPayload.Ok(client);
    }

    public async Task<ContactPayload> AddContactAsync(AddContactInput input, long clientId, CancellationToken ct)
    {
        if (!await db.ChangeableClients().AnyAsync(c => c.Id == clientId, ct))
            return ContactPayload.Failed(new NotFoundError(input.ClientId, db.NotFoundMessage("client", input.ClientId)));
        var contact = new Contact { ClientId = clientId };
        if (Apply(contact, input) is { } error)
            return ContactPayload.Failed(error);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return ContactPayload.Ok(contact);
    }

    public async Task<ContactPayload> UpdateContactAsync(UpdateContactInput input, long id, CancellationToken ct)
    {
        var contact = await db.ChangeableContacts().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
            return ContactPayload.Failed(new NotFoundError(input.ContactId, db.NotFoundMessage("contact", input.ContactId)));
        if (Apply(contact, input) is { } error)
            return ContactPayload.Failed(error);
        db.Expect(contact, input.ExpectedVersion);
        return await db.SaveOrConflictAsync(contact, ct) is { } conflict ? ContactPayload.Failed(conflict) : ContactPayload.Ok(contact);
    }

    /// <summary>Validates every given field first, then copies them; on an error the entity is untouched.</summary>
    private async Task<IPayloadError?> ApplyAsync(Client client, ClientCardInput input, long? ownerId, string? ownerGlobalId, CancellationToken ct)
    {
        var name = TextInputs.Clean(input.Name);
        var (email, phone) = (Email(input.Email), Phone(input.Phone));
        var error = (input.Name is not null || client.Id == 0) && name is null ? new ValidationError("name", "`name` is required: the company name or the person's full name.")
            : input.EmployeeCount < 0 ? new ValidationError("employeeCount", "`employeeCount` may not be negative.")
            : input.Segment is not null && input.SegmentAssessment is not null ? new ValidationError("segmentAssessment", "Give either `segment` or `segmentAssessment`, not both.")
            : Invalid(input.Email, email, "email", "an e-mail address like name@example.com") ?? Invalid(input.Phone, phone, "phone", "a valid phone number, e.g. +49 30 1234567")
            ?? db.Check<Client>(nameof(Client.Name), "name", name)
            ?? db.Check<Client>(nameof(Client.TaxId), "taxId", TextInputs.Clean(input.TaxId))
            ?? db.Check<Client>(nameof(Client.Okpo), "okpo", TextInputs.Clean(input.Okpo))
            ?? db.Check<Client>(nameof(Client.RegistrationNumber), "registrationNumber", TextInputs.Clean(input.RegistrationNumber))
            ?? db.Check<Client>(nameof(Client.Industry), "industry", TextInputs.Clean(input.Industry))
            ?? db.Check<Client>(nameof(Client.Region), "region", TextInputs.Clean(input.Region))
            ?? db.Check<Client>(nameof(Client.Email), "email", email)
            ?? db.Check<Client>(nameof(Client.Website), "website", TextInputs.Clean(input.Website))
            ?? db.Check<Client>(nameof(Client.Notes), "notes", TextInputs.Clean(input.Notes), freeText: true);
        if (error is not null)
            return error;
        if (ownerId is { } owner && !await db.StaffUsers.AnyAsync(s => s.Id == owner, ct))
            return new NotFoundError(ownerGlobalId!, $"No staff user has the ID \"{ownerGlobalId}\".");

        if (name is not null) client.Name = name;
        if (input.Kind is { } kind) client.Kind = kind;
        if (input.TaxId is not null) client.TaxId = TextInputs.Clean(input.TaxId);
        if (input.Okpo is not null) client.Okpo = TextInputs.Clean(input.Okpo);
        if (input.RegistrationNumber is not null) client.RegistrationNumber = TextInputs.Clean(input.RegistrationNumber);
        if (input.Industry is not null) client.Industry = TextInputs.Clean(input.Industry);
        if (input.Region is not null) client.Region = TextInputs.Clean(input.Region);
        if (input.IsBudgetary is { } budgetary) client.IsBudgetary = budgetary;
        if (input.EmployeeCount is { } employees) client.EmployeeCount = employees;
        if (input.Email is not null) client.Email = email;
        if (input.Phone is not null) client.Phone = phone;
        if (input.Website is not null) client.Website = TextInputs.Clean(input.Website);
        if (input.Notes is not null) client.Notes = TextInputs.Clean(input.Notes);
        if (ownerId is not null) client.OwnerId = ownerId;
        if (input.Segment is { } segment) client.Segment = segment;
        if (input.SegmentAssessment is { } assessment) client.Segment = ClientSegments.Of(assessment.WeWantClient, assessment.ClientLikesUs);
        return null;
    }

    private IPayloadError? Apply(Contact contact, ContactCardInput input)
    {
        var firstName = TextInputs.Clean(input.FirstName);
        var (email, phone) = (Email(input.Email), Phone(input.Phone));
        var error = (input.FirstName is not null || contact.Id == 0) && firstName is null ? new ValidationError("firstName", "`firstName` is required.")
            : Invalid(input.Email, email, "email", "an e-mail address like name@example.com") ?? Invalid(input.Phone, phone, "phone", "a valid phone number, e.g. +49 30 1234567")
            ?? db.Check<Contact>(nameof(Contact.FirstName), "firstName", firstName)
            ?? db.Check<Contact>(nameof(Contact.LastName), "lastName", TextInputs.Clean(input.LastName))
            ?? db.Check<Contact>(nameof(Contact.Position), "position", TextInputs.Clean(input.Position))
            ?? db.Check<Contact>(nameof(Contact.Email), "email", email)
            ?? db.Check<Contact>(nameof(Contact.Notes), "notes", TextInputs.Clean(input.Notes), freeText: true);
        if (error is not null)
            return error;

        if (firstName is not null) contact.FirstName = firstName;
        if (input.LastName is not null) contact.LastName = TextInputs.Clean(input.LastName);
        if (input.Position is not null) contact.Position = TextInputs.Clean(input.Position);
        if (input.PositionGroup is { } group) contact.PositionGroup = group;
        if (input.Phone is not null) contact.Phone = phone;
        if (input.Email is not null) contact.Email = email;
        if (input.HasDecisionAuthority is { } authority) contact.HasDecisionAuthority = authority;
        if (input.Notes is not null) contact.Notes = TextInputs.Clean(input.Notes);
        return null;
    }

    /// <summary>Contacts are stored like leads' (E.164 phones, lower-case e-mails) so duplicates match across them.</summary>
    private string? Phone(string? raw) => TextInputs.Clean(raw) is { } phone ? normalizer.Phone(phone) : null;

    private static string? Email(string? raw) => TextInputs.Clean(raw) is { } email ? ContactNormalizer.Email(email) : null;

    /// <summary>The raw text's own error (a control character would otherwise vanish in normalising), or that it did not normalise.</summary>
    private static ValidationError? Invalid(string? raw, string? normalised, string field, string expected) =>
        TextInputs.Clean(raw) is not { } text ? null
        : TextInputs.Check(field, text) ?? (normalised is null ? new ValidationError(field, $"`{field}` must be {expected}.") : null);

    private static string Name(LoyaltyCategory category) => category.ToString().ToConstantCase();
}
