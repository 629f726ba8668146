using GraphQL.Types;

namespace Platform.GraphQL.Server.Mutations;

/// <summary>The <c>Error</c> interface every typed payload error implements.</summary>
public sealed class ErrorInterfaceType : InterfaceGraphType<IPayloadError>
{
    public ErrorInterfaceType()
    {
        Name = "Error";
        Description = "An expected failure of a mutation, returned in its payload's `errors`; nothing was changed.";
        Field(x => x.Message).Description("What is wrong and how to fix it, for people.");
        Field(x => x.Code).Description("A stable code for programs, e.g. INVALID_TRANSITION.");
    }
}
