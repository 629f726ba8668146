using GraphQL.Types;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain.Privacy;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Privacy;

/// <summary>The privacy fields of the root mutation: consent text versions and erasure. Admins only.</summary>
public static class PrivacyMutations
{
    public static void AddPrivacyMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<ConsentTextPayloadType, AddConsentTextInputType>("addConsentText",
                "Adds a version of the marketing consent wording; forms name it in `submitLead` from then on. Versions are never changed or deleted.",
                "The wording.")
            .Resolve((PlatformDbContext db, AddConsentTextInput input, CancellationToken ct) => AddConsentTextAsync(db, input, ct));
        mutation.InputMutation<ErasePersonPayloadType, ErasePersonInputType>("erasePerson",
                "Erases a person on request: irreversibly replaces their names, phone, e-mail, free texts, IP addresses and user agents in leads, contacts, clients, activities, consent evidence, spam rejections and this node's spool, in one transaction, and deletes the bulk export files of leads, clients and activities; every KPI stays the same. The person may submit again (a new lead) unless `suppress` is true. Written to the audit log without the phone or e-mail.",
                "Whom to erase.")
            .Resolve((PersonErasure erasure, ErasePersonInput input, CancellationToken ct) => erasure.EraseAsync(input, ct));
    }

    private static async Task<ConsentTextPayload> AddConsentTextAsync(PlatformDbContext db, AddConsentTextInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
            return new ConsentTextPayload(null, [new ValidationError("text", "The consent wording is required.")]);
        if (TextInputs.Check("text", input.Text, SubmissionLimits.FreeText, freeText: true) is { } error)
            return new ConsentTextPayload(null, [error]);
        var text = new ConsentText { Text = input.Text.Trim() };
        db.ConsentTexts.Add(text);
        await db.SaveChangesAsync(ct);
        return new ConsentTextPayload(text, []);
    }
}
