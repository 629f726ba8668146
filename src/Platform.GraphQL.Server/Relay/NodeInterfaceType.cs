using GraphQL.Types;

namespace Platform.GraphQL.Server.Relay;

/// <summary>The Relay <c>Node</c> interface: any object that can be fetched again by its global id.</summary>
public sealed class NodeInterfaceType : InterfaceGraphType
{
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "An object with a global ID, which `node(id:)` fetches again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The opaque global ID of the object.");
    }
}
