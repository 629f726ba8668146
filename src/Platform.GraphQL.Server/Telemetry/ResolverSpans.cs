using System.Diagnostics;
using GraphQL;
using GraphQL.Instrumentation;

namespace Platform.GraphQL.Server.Telemetry;

/// <summary>
/// A span per resolved field, under the operation's span. Installed only on request (<c>UseMiddleware&lt;ResolverSpans&gt;()</c>):
/// every field of every item runs through it, so it is for finding a slow resolver, not for everyday tracing.
/// </summary>
public sealed class ResolverSpans : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var span = GraphQLTelemetry.Source.StartActivity("graphql.resolve");
        return span is null ? next(context) : TracedAsync(span, context, next);
    }

    private static async ValueTask<object?> TracedAsync(Activity span, IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        using (span)
        {
            span.DisplayName = $"{context.ParentType.Name}.{context.FieldDefinition.Name}";
            span.SetTag("graphql.field.parent_type", context.ParentType.Name);
            span.SetTag("graphql.field.name", context.FieldDefinition.Name);
            try
            {
                return await next(context);
            }
            catch (Exception e)
            {
                span.SetStatus(ActivityStatusCode.Error, e.Message);
                throw;
            }
        }
    }
}
