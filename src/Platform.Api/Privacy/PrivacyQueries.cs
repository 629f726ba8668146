using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Privacy;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Privacy;

/// <summary>The privacy fields of the root query: the consent text versions and a person's data.</summary>
public static class PrivacyQueries
{
    private static readonly KeysetOrder<ConsentText> NewestFirst = KeysetOrder<ConsentText>.By("ID_DESC", x => x.Id, descending: true);

    public static void AddPrivacyQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<ConsentTextType, ConsentText>>>("consentTexts")
            .Description("The versions of the marketing consent wording, newest first, paged by cursor. A form shows one and sends its ID as `submitLead(input: { consentTextId })`.")
            .PagingArguments()
            .ResolveAsync(async context => await KeysetPaging.PageAsync(
                context.RequestServices!.GetRequiredService<PlatformDbContext>().ConsentTexts.AsNoTracking(), PageRequest.From(context), NewestFirst, context.CancellationToken));
        query.Field<NonNullGraphType<StringGraphType>>(PersonDataExport.Operation)
            .Description("An access request: everything the platform holds about a person, as one JSON document (a string): `person` (the phone and e-mail asked for, as stored), `suppressed`, `leads` (each with its consent evidence and activities), `contacts` and `clients` (with the activities of a client that is the person); fields named, enums and references written as the GraphQL types read them; the document's schema is in docs/privacy.md. Admins only; every call is written to the audit log. An invalid phone or e-mail is an `INVALID_ARGUMENT` error.")
            .Argument<StringGraphType>("email", "The person's e-mail address, in any letter case.")
            .Argument<StringGraphType>("phone", "The person's phone number with its country code, in any notation.")
            .ResolveAsync(async context =>
            {
                var (document, error) = await context.RequestServices!.GetRequiredService<PersonDataExport>()
                    .ExportAsync(context.GetArgument<string?>("phone"), context.GetArgument<string?>("email"), context.CancellationToken);
                return document ?? throw new ExecutionError(error!.Message) { Code = "INVALID_ARGUMENT" };
            });
    }
}
