using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Api.Bulk;
using Platform.Api.Clients;
using Platform.Api.Deals;
using Platform.Api.Events;
using Platform.Api.Imports;
using Platform.Api.Kpis;
using Platform.Api.Kpis.Plans;
using Platform.Api.Leads;
using Platform.Api.Loyalty;
using Platform.Api.Observability;
using Platform.Api.Orders;
using Platform.Api.Privacy;
using Platform.Api.Referrals;
using Platform.Api.Security;
using Platform.Api.Webhooks;
using Platform.GraphQL.Server.Authorization;
using Platform.GraphQL.Server.DataLoader;
using Platform.GraphQL.Server.Documents;
using Platform.GraphQL.Server.Errors;
using Platform.GraphQL.Server.Execution;
using Platform.GraphQL.Server.Http;
using Platform.GraphQL.Server.Limits;
using Platform.GraphQL.Server.Mutations;
using Platform.GraphQL.Server.Relay;
using Platform.GraphQL.Server.Subscriptions;
using Platform.GraphQL.Server.TrustedDocuments;

namespace Platform.Api.GraphQL;

/// <summary>Registers the Platform schema with GraphQL.NET.</summary>
public static class GraphQLRegistration
{
    public static IServiceCollection AddPlatformGraphQL(this IServiceCollection services, IConfiguration configuration, bool exposeExceptionDetails)
    {
        // Field and enum value descriptions come from the domain's XML docs, so they are written once; XmlDocDescriptions
        // reads them (PlatformSchema), much faster than GraphQL.NET's own reading, which stays off.
        GlobalSwitches.EnableReadDescriptionFromXmlDocumentation = false;

        services.AddOptions<GraphQLOptions>().Bind(configuration.GetSection(GraphQLOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GraphQLOptions>>().Value.Limits);
        services.TryAddSingleton<IWindowCounters, LocalWindowCounters>();
        services.AddSingleton<CostBudget>();
        services.AddScoped<CountsWithOperation>();
        // schema/documents/*.graphql, copied next to the binaries at build.
        services.AddSingleton(new TrustedDocumentsDirectory(Path.Combine(AppContext.BaseDirectory, "documents")));
        services.AddSingleton<TrustedDocumentStore>();
        services.AddScoped<DataLoaderContext>();
        services.AddTransient(typeof(ConnectionGraphType<,>));
        services.AddTransient(typeof(EdgeGraphType<,>));
        services.AddTransient<PageInfoGraphType>();
        services.AddTransient<NodeInterfaceType>();
        services.AddTransient<ErrorInterfaceType>();
        services.AddScoped<LeadService>();
        services.AddLeads(configuration);
        services.AddLoyalty(configuration);
        services.AddScoped<OrderService>();
        services.AddScoped<ClientService>();
        services.AddScoped<DealService>();
        services.AddScoped<RewardEvents>();
        services.AddScoped<ReferralService>();
        services.AddScoped<ReferralAdminService>();
        services.AddScoped<LeadDistribution>();
        services.AddScoped<LeadKpis>();
        services.AddHostedService<KpiRollupCompaction>();
        services.AddScoped<RevenueKpis>();
        services.AddScoped<DealKpis>();
        services.AddScoped<MarketingKpis>();
        services.AddScoped<PipelineKpis>();
        services.AddScoped<ProposalKpis>();
        services.AddScoped<HourglassKpis>();
        services.AddScoped<SalesPlanKpis>();
        services.AddScoped<PlanService>();
        services.AddKpiCache(configuration);
        services.AddBusinessKpis();
        // Subscription fields read the outbox through one feed per process.
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.PollInterval <= TimeSpan.FromDays(1), "Events:PollInterval must be more than 0 and at most 1 day.").ValidateOnStart();
        services.AddSingleton<OutboxFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxFeed>());
        services.AddWebhooks(configuration);
        services.AddPrivacy(configuration);
        services.AddBulkExports(configuration);
        services.AddLeadImports(configuration);
        services.AddGraphQL(builder => builder
            .AddSchema<PlatformSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(PlatformSchema).Assembly)
            // While the database is unreachable: 503 before anything runs, except a form's submitLead.
            .AddValidationRule<DatabaseUnavailableRule>(useForCachedDocuments: true)
            // Default deny, checked before execution; policies come from the Security feature.
            .AddValidationRule<AuthorizationValidationRule>(useForCachedDocuments: true)
            .AddValidationRule<RequestLimitsValidationRule>(useForCachedDocuments: true)
            .AddDocumentListener<RequestCost>()
            // Anyone may send a documentId of a trusted document; clients switched to trusted documents only must.
            .UsePersistedDocuments<TrustedDocumentStore>(global::GraphQL.DI.ServiceLifetime.Singleton, documents => documents.AllowOnlyPersistedDocuments = false)
            .AddValidationRule(services => new TrustedDocumentsValidationRule(services.GetRequiredService<TrustedDocumentStore>(), TrustedDocumentsOnly.IsRequiredFor), useForCachedDocuments: true)
            // Repeated documents skip parsing and the caller-independent rules; the rules above still run.
            .ConfigureExecution<ValidatedDocumentCache>()
            // One DbContext per request: resolvers run one at a time, DataLoaders still batch.
            .AddExecutionStrategy<SelectionCachingExecutionStrategy>(OperationType.Query)
            // Subscribers of the same event stream document share each event's execution.
            .AddExecutionStrategy<SharedEventExecutionStrategy>(OperationType.Subscription)
            // A resolver that lost the database mid-way answers 503 SERVICE_UNAVAILABLE, not a masked fault. Chained in
            // front of the transport's own handler (AddUnhandledExceptionHandler would replace it).
            .ConfigureExecutionOptions(options =>
            {
                var inner = options.UnhandledExceptionDelegate;
                options.UnhandledExceptionDelegate = context =>
                {
                    var availability = options.RequestServices!.GetRequiredService<DatabaseAvailability>();
                    if (!availability.ReportFailure(context.OriginalException))
                        return inner(context);
                    context.Exception = new HttpStatusError(StatusCodes.Status503ServiceUnavailable, DatabaseAvailability.ErrorCode, availability.UnavailableMessage, availability.RetryAfterSeconds);
                    return Task.CompletedTask;
                };
            })
            .AddErrorInfoProvider(new MaskingErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = exposeExceptionDetails }))
            .AddResolverSpans(configuration));
        // Bounds every document (tokens, directives, selections, depth) before the validation rules see it.
        services.Replace(ServiceDescriptor.Singleton<IDocumentBuilder, LimitedDocumentBuilder>());
        return services;
    }
}
