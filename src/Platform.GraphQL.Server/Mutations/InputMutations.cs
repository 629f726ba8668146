using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.GraphQL.Server.Mutations;

/// <summary>
/// Declares a mutation field of the usual shape: one non-null <c>input</c> argument, a non-null payload, resolved by
/// a service of the request:
/// <code>
/// mutation.InputMutation&lt;LeadPayloadType, SetLeadTemperatureInputType&gt;("setLeadTemperature", "Re-classifies…", "The lead…")
///     .Resolve((LeadService leads, SetLeadTemperatureInput input, CancellationToken ct) => leads.SetTemperatureAsync(…, ct));
/// </code>
/// </summary>
public static class InputMutations
{
    private const string InputArgument = "input";

    public static InputMutationField<TInputType> InputMutation<TPayloadType, TInputType>(
        this ObjectGraphType mutation, string name, string description, string inputDescription)
        where TPayloadType : IGraphType
        where TInputType : IInputObjectGraphType =>
        new(mutation.Field<NonNullGraphType<TPayloadType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>(InputArgument, inputDescription));

    /// <summary>
    /// Resolves the field with <paramref name="resolve"/>, given the service from the request's services, the
    /// parsed input and the request's cancellation token. The lambda names the service and input types; the
    /// compiler checks that the input type is the one the input graph type builds.
    /// </summary>
    public static void Resolve<TInputType, TInput, TService, TResult>(
        this InputMutationField<TInputType> field, Func<TService, TInput, CancellationToken, Task<TResult>> resolve)
        where TInputType : InputObjectGraphType<TInput>
        where TService : notnull =>
        field.Field.ResolveAsync(async context => await resolve(
            context.RequestServices!.GetRequiredService<TService>(), context.GetArgument<TInput>(InputArgument), context.CancellationToken));
}
