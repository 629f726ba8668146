using Microsoft.Extensions.Options;

namespace Platform.Api.Common;

/// <summary>Start-up validation for options classes that list their own problems.</summary>
public sealed class OptionsProblems<TOptions>(Func<TOptions, IReadOnlyList<string>> problems) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
