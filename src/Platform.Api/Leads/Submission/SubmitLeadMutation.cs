using GraphQL;
using GraphQL.Types;
using OpenIddict.Abstractions;
using Platform.Api.Auditing;
using Platform.Api.Observability;
using Platform.Api.Security;
using Platform.Data;

namespace Platform.Api.Leads.Submission;

/// <summary>The <c>submitLead</c> field of the root mutation.</summary>
public static class SubmitLeadMutation
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The field's name (and so its audit entries' operation).</summary>
    public const string Name = "submitLead";

    public static void AddSubmitLeadMutation(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SubmitLeadPayloadType>>(Name)
            .Description("Captures a lead from a form. Send the form's landing key in the `X-Landing-Key` header and optionally an `Idempotency-Key` header: a retry with the same key returns the first result. A landing page also sends the form token it got from GET /forms/token when it showed the form (`input.formToken`). A person who already has an open lead of the last 30 days gets no second lead: the submission is recorded on that lead as a repeat touch.")
            .Argument<NonNullGraphType<SubmitLeadInputType>>("input", "The submitted form.")
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
                var from = new SubmissionContext(
                    Header(http, LandingKeyService.Header),
                    Header(http, IdempotencyHeader),
                    services.GetRequiredService<ICurrentActor>().ClientId,
                    http?.Connection.RemoteIpAddress?.ToString(),
                    Public: context.User?.GetClaim(PlatformClaims.ClientKind) == ClientKinds.Landing)
                {
                    UserAgent = Header(http, "User-Agent"),
                };
                var payload = await services.GetRequiredService<LeadSubmissionService>()
                    .SubmitAsync(context.GetArgument<SubmitLeadInput>("input"), from, payload => MutationAudit.Entry(context, payload, null), context.CancellationToken);
                services.GetRequiredService<LeadIntakeMetrics>().Record(payload);
                return payload;
            });
    }

    private static string? Header(HttpContext? http, string name) =>
        http?.Request.Headers[name].FirstOrDefault() is { Length: > 0 } value ? value : null;
}
