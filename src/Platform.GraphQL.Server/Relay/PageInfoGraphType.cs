using GraphQL.Types;

namespace Platform.GraphQL.Server.Relay;

/// <summary>The Relay <c>PageInfo</c> type.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its connection: whether more rows lie on either side, and the cursors of its ends.";
        Field(x => x.HasNextPage).Description("True when rows follow this page; fetch them with `after: endCursor`.");
        Field(x => x.HasPreviousPage).Description("True when rows precede this page; fetch them with `before: startCursor`.");
        Field(x => x.StartCursor, nullable: true).Description("The cursor of the first edge, or null when the page is empty.");
        Field(x => x.EndCursor, nullable: true).Description("The cursor of the last edge, or null when the page is empty.");
    }
}
