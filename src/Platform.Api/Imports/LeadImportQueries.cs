using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Imports;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Imports;

/// <summary>The lead import fields of the root query: the caller's own imports.</summary>
public static class LeadImportQueries
{
    private static readonly KeysetOrder<LeadImport> NewestFirst = KeysetOrder<LeadImport>.By("ID_DESC", x => x.Id, descending: true);

    public static void AddLeadImportQueries(this ObjectGraphType query)
    {
        query.Field<LeadImportGraphType>("leadImport")
            .Description("One of the caller's lead imports, with its status and counts and, once completed, the link to its per-row results; null when the caller has none with that ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The import's global ID.")
            .ResolveAsync(async context => await Imports(context).FindAsync(GlobalIds.Decode<LeadImport>(context.GetArgument<string>("id"), "id"), context.CancellationToken));
        query.Field<NonNullGraphType<ConnectionGraphType<LeadImportGraphType, LeadImport>>>("leadImports")
            .Description("The caller's lead imports, newest first, paged by cursor.")
            .PagingArguments()
            .ResolveAsync(async context => await KeysetPaging.PageAsync(Imports(context).Imports(), PageRequest.From(context), NewestFirst, context.CancellationToken));
    }

    public static LeadImportService Imports(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<LeadImportService>();
}
