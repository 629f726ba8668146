using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Privacy;

namespace Platform.Api.Privacy;

/// <summary>
/// The person of an erasure or access request, by the phone and e-mail as stored (E.164, lower case): whatever record
/// holds either is theirs, whoever may read it.
/// </summary>
public sealed record Person(string? Phone, string? Email)
{
    /// <summary>The person the request names, or why it names nobody (no phone or e-mail, or one that is not valid).</summary>
    public static (Person? Person, ValidationError? Error) From(string? phone, string? email, ContactNormalizer normalizer)
    {
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
            return (null, new ValidationError("email", "Give the person's e-mail address, phone number or both."));
        string? storedPhone = null, storedEmail = null;
        if (!string.IsNullOrWhiteSpace(phone) && (storedPhone = ContactNormalizer.HasPhoneCharactersOnly(phone) ? normalizer.Phone(phone) : null) is null)
            return (null, new ValidationError("phone", $"\"{phone}\" is not a valid phone number; give it with its country code, e.g. +49 30 1234567."));
        if (!string.IsNullOrWhiteSpace(email) && (storedEmail = ContactNormalizer.Email(email)) is null)
            return (null, new ValidationError("email", $"\"{email}\" is not a valid e-mail address."));
        return (new Person(storedPhone, storedEmail), null);
    }

    /// <summary>Whether a phone and e-mail as a form sent them (normalized with <paramref name="normalizer"/>) are this person's.</summary>
    public bool Matches(string? phone, string? email, ContactNormalizer normalizer) =>
        (Phone is not null && !string.IsNullOrWhiteSpace(phone) && normalizer.Phone(phone) == Phone)
        || (Email is not null && !string.IsNullOrWhiteSpace(email) && ContactNormalizer.Email(email) == Email);

    /// <summary>The suppression hashes of the phone and e-mail given.</summary>
    public List<string> Hashes() =>
        [.. new[] { Phone is null ? null : Suppression.Of("phone", Phone), Email is null ? null : Suppression.Of("email", Email) }.OfType<string>()];

    public IQueryable<Lead> Leads(PlatformDbContext db) =>
        db.Leads.IgnoreQueryFilters().Where(l => (Phone != null && l.Phone == Phone) || (Email != null && l.Email == Email));

    public IQueryable<Contact> Contacts(PlatformDbContext db) =>
        db.Contacts.IgnoreQueryFilters().Where(c => (Phone != null && c.Phone == Phone) || (Email != null && c.Email == Email));

    public IQueryable<Client> Clients(PlatformDbContext db) =>
        db.Clients.IgnoreQueryFilters().Where(c => (Phone != null && c.Phone == Phone) || (Email != null && c.Email == Email));

    /// <summary>The activities about the person: of their leads and of the clients that are the person.</summary>
    public IQueryable<Activity> Activities(PlatformDbContext db, IReadOnlyCollection<long> leadIds, IReadOnlyCollection<long> personClientIds) =>
        db.Activities.IgnoreQueryFilters().Where(a => (a.LeadId != null && leadIds.Contains(a.LeadId.Value)) || (a.ClientId != null && personClientIds.Contains(a.ClientId.Value)));
}
