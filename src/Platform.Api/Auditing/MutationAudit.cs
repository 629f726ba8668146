using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Platform.Api.Availability;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Auditing;
using Platform.GraphQL.Server.Mutations;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Auditing;

/// <summary>
/// Writes an <see cref="AuditLogEntry"/> for every mutation, whatever its outcome: the operation, the ids in its
/// input and result, the payload error codes or the fault. Caller and OAuth client come from the
/// <see cref="ICurrentActor"/> (the token). Applied to every field of the root mutation type, so new mutations are
/// audited without a line of their own. A mutation that stores its entry itself, with its changes, returns an
/// <see cref="IAuditedPayload"/> that says so.
/// </summary>
internal sealed class MutationAudit(IFieldResolver inner) : IFieldResolver
{
    public static void ApplyTo(IObjectGraphType mutation)
    {
        foreach (var field in mutation.Fields)
        {
            if (field.Resolver is { } resolver)
                field.Resolver = new MutationAudit(resolver);
        }
    }

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        object? result;
        try
        {
            result = await inner.ResolveAsync(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await WriteAsync(context, null, exception is ExecutionError error ? error.Code ?? "ERROR" : "FAULT");
            throw;
        }
        if (result is not IAuditedPayload { Audited: true })
        {
            try
            {
                await WriteAsync(context, result, null);
            }
            catch (Exception e) when (IsRefusal(result) && context.RequestServices!.GetRequiredService<DatabaseAvailability>().ReportFailure(e))
            {
                // A refusal stored nothing: it is answered even while the database cannot take its entry.
            }
        }
        return result;
    }

    /// <summary>Whether <paramref name="result"/> is a payload with errors: a mutation that changed nothing.</summary>
    private static bool IsRefusal(object? result) =>
        result is not null && PropertiesOf(result.GetType()).Any(p => p.GetValue(result) is IEnumerable<IPayloadError> errors && errors.Any());

    private static async Task WriteAsync(IResolveFieldContext context, object? result, string? fault)
    {
        var entry = Entry(context, result, fault);
        // The request's context when everything in it is saved (the usual case); a context of its own when the
        // mutation left changes it chose not to save (e.g. after a conflict), so those are never saved with the entry.
        var db = context.RequestServices!.GetRequiredService<PlatformDbContext>();
        if (db.ChangeTracker.HasChanges())
        {
            await using var scope = context.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await SaveAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), entry);
        }
        else
        {
            await SaveAsync(db, entry);
        }
    }

    /// <summary>The audit entry of the mutation <paramref name="context"/> resolves, given its result or fault; stamped with the caller when saved.</summary>
    public static AuditLogEntry Entry(IResolveFieldContext context, object? result, string? fault) =>
        Entry(context.FieldDefinition.Name, context.Arguments?.Values.Select(a => a.Value) ?? [], result, fault);

    /// <summary>The audit entry of mutation <paramref name="operation"/> run with <paramref name="arguments"/> outside a request (work stored later).</summary>
    public static AuditLogEntry Entry(string operation, IEnumerable<object?> arguments, object? result, string? fault)
    {
        var ids = new List<string>();
        foreach (var argument in arguments)
            CollectIds(argument, ids);
        var errors = new List<string>();
        if (result is not null)
        {
            foreach (var property in PropertiesOf(result.GetType()))
            {
                switch (property.GetValue(result))
                {
                    case Entity entity:
                        ids.Add(GlobalId.Encode(entity.GetType().Name, entity.Id));
                        break;
                    case IEnumerable<IPayloadError> payloadErrors:
                        errors.AddRange(payloadErrors.Select(e => e.Code));
                        break;
                }
            }
        }

        return new AuditLogEntry
        {
            Operation = operation,
            TargetIds = string.Join(",", ids.Distinct()),
            Details = JsonSerializer.Serialize(new { outcome = fault is not null ? "fault" : errors.Count > 0 ? "refused" : "ok", errors, fault }),
        };
    }

    private static async Task SaveAsync(PlatformDbContext db, AuditLogEntry entry)
    {
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The readable, non-indexer properties of a payload or input class, looked up once per type.</summary>
    private static PropertyInfo[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToArray());

    /// <summary>Input fields named <c>…Id</c> or <c>…Ids</c>, at any depth: the records the caller points at.</summary>
    private static void CollectIds(object? value, List<string> ids, int depth = 0)
    {
        if (depth > 4)
            return;
        IEnumerable<(string Name, object? Value)> fields = value switch
        {
            IDictionary<string, object?> dictionary => dictionary.Select(f => (f.Key, f.Value)),
            null or string or ValueType or IEnumerable => [],
            // Input objects arrive as their CLR input classes.
            _ => PropertiesOf(value.GetType()).Select(p => (p.Name, p.GetValue(value))),
        };
        foreach (var (name, field) in fields)
        {
            if (name.EndsWith("Id", StringComparison.Ordinal) && field is string id)
                ids.Add(id);
            else if (name.EndsWith("Ids", StringComparison.Ordinal) && field is IEnumerable list and not string)
                ids.AddRange(list.OfType<string>());
            else
                CollectIds(field, ids, depth + 1);
        }
    }
}

/// <summary>A mutation result whose audit entry the mutation already stored with its changes (<see cref="MutationAudit"/> then adds none).</summary>
public interface IAuditedPayload
{
    /// <summary>True when the audit entry was stored.</summary>
    bool Audited { get; }
}
