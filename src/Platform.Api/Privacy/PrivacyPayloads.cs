using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Privacy;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Privacy;

/// <summary>What <c>addConsentText</c> returns.</summary>
public sealed record ConsentTextPayload(ConsentText? ConsentText, IReadOnlyList<IPayloadError> Errors);

/// <summary>How many records of each kind an erasure changed or deleted.</summary>
public sealed record PersonErased(int Leads, int Contacts, int Clients, int Activities, int ConsentRecords, int RejectedSubmissions, int SpooledSubmissions, int BulkExports, int ImportUploads, bool Suppressed);

/// <summary>What <c>erasePerson</c> returns.</summary>
public sealed record ErasePersonPayload(PersonErased? Erased, IReadOnlyList<IPayloadError> Errors)
{
    public static ErasePersonPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>ConsentTextPayload</c> type.</summary>
public sealed class ConsentTextPayloadType : ObjectGraphType<ConsentTextPayload>
{
    public ConsentTextPayloadType()
    {
        Name = "ConsentTextPayload";
        Description = "The result of `addConsentText`: the new version, or the errors that prevented it (then nothing was stored).";
        Field<ConsentTextType>("consentText").Description("The new version; null when there are errors.").Resolve(c => c.Source.ConsentText);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrivacyErrorType>>>>("errors").Description("Why it was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>PersonErased</c> type.</summary>
public sealed class PersonErasedType : ObjectGraphType<PersonErased>
{
    public PersonErasedType()
    {
        Name = "PersonErased";
        Description = "What an erasure changed: how many records of each kind lost the person's data.";
        Field(x => x.Leads).Description("Leads whose names, phone, e-mail, company, position, region, texts and page addresses were replaced.");
        Field(x => x.Contacts).Description("Client contacts whose names, phone, e-mail and notes were replaced.");
        Field(x => x.Clients).Description("Clients that lost the phone and e-mail (a private person's client its name too).");
        Field(x => x.Activities).Description("Activities of the person's leads and private-person clients whose subject, report, next topic and agreements were removed.");
        Field(x => x.ConsentRecords).Description("Consent evidence records that lost their page, IP address and user agent; whether and when consent was given stays.");
        Field(x => x.RejectedSubmissions).Description("Spam rejections from the IP addresses of the person's submissions, deleted.");
        Field(x => x.SpooledSubmissions).Description("Submissions of the person waiting in this node's spool (during a database outage), deleted.");
        Field(x => x.BulkExports).Description("Completed bulk export files of leads, clients or activities, deleted because they may hold the person; their exports show `erasedAt`. Exports of these types queued or being written start again and hold the person as erased.");
        Field(x => x.ImportUploads).Description("Uploaded lead import files deleted because they may hold the person: every upload no queued or running import reads, whatever its age (import it again after uploading it anew). An import queued or running at the erasure still imports its rows.");
        Field(x => x.Suppressed).Description("Whether the phone and e-mail are now on the suppression list.");
    }
}

/// <summary>The <c>ErasePersonPayload</c> type.</summary>
public sealed class ErasePersonPayloadType : ObjectGraphType<ErasePersonPayload>
{
    public ErasePersonPayloadType()
    {
        Name = "ErasePersonPayload";
        Description = "The result of `erasePerson`: what was erased, or the errors that prevented it (then nothing was changed).";
        Field<PersonErasedType>("erased").Description("What was erased (all zero when nothing held the phone or e-mail); null when there are errors.").Resolve(c => c.Source.Erased);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrivacyErrorType>>>>("errors").Description("Why it was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>PrivacyError</c> union.</summary>
public sealed class PrivacyErrorType : UnionGraphType
{
    public PrivacyErrorType()
    {
        Name = "PrivacyError";
        Description = "An expected failure of a privacy mutation; nothing was changed.";
        Type<ValidationErrorType>();
    }
}
