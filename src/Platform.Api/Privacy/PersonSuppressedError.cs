using GraphQL.Types;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Privacy;

/// <summary>A submission of a person who asked to be erased and not recorded again.</summary>
public sealed record PersonSuppressedError(string Message) : IPayloadError
{
    public string Code => "PERSON_SUPPRESSED";
}

/// <summary>The <c>PersonSuppressedError</c> type.</summary>
public sealed class PersonSuppressedErrorType : ErrorGraphType<PersonSuppressedError>
{
    public PersonSuppressedErrorType() : base("The phone or e-mail belongs to a person who asked to be erased and not to be recorded again; nothing was stored. Code PERSON_SUPPRESSED.")
    {
    }
}
