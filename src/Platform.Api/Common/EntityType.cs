using GraphQL.Types;
using Platform.Domain;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Common;

/// <summary>
/// Base of every entity's object type: implements <c>Node</c> with an opaque global ID and
/// exposes the audit timestamps. The GraphQL type name is the entity's CLR name.
/// </summary>
public abstract class EntityType<TEntity> : ObjectGraphType<TEntity> where TEntity : Entity
{
    protected EntityType(string description)
    {
        Name = typeof(TEntity).Name;
        Description = description;
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The opaque global ID; `node(id:)` fetches the object again.")
            .Reads(x => x.Id)
            .Resolve(context => GlobalId.Encode(Name, context.Source.Id));
        Field(x => x.CreatedAt).Description("When the record was created (UTC).");
        Field(x => x.UpdatedAt).Description("When the record was last changed (UTC).");
        Field(x => x.Version).Description("Optimistic-concurrency version, incremented by every change; pass it as `expectedVersion` to a mutation so a concurrent edit is reported instead of overwritten.");
    }

    /// <summary>The global ID of a referenced <typeparamref name="TOther"/>, for foreign-key fields.</summary>
    protected static string? IdOf<TOther>(long? id) => id is null ? null : GlobalId.Encode(typeof(TOther).Name, id.Value);
}
