using GraphQL.Types;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Referrals;

/// <summary>What a partner, program or code mutation returns: the record as it is now, or why nothing changed.</summary>
public sealed record ReferralAdminPayload<T>(T? Result, IReadOnlyList<IPayloadError> Errors) where T : class
{
    public static ReferralAdminPayload<T> Ok(T result) => new(result, []);

    public static ReferralAdminPayload<T> Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>PartnerPayload</c> type.</summary>
public sealed class PartnerPayloadType : ObjectGraphType<ReferralAdminPayload<Partner>>
{
    public PartnerPayloadType()
    {
        Name = "PartnerPayload";
        Description = "The result of a partner mutation: the partner, or the errors that prevented the change (then nothing was changed).";
        Field<PartnerGraphType>("partner").Description("The partner after the change; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>ReferralProgramPayload</c> type.</summary>
public sealed class ReferralProgramPayloadType : ObjectGraphType<ReferralAdminPayload<ReferralProgram>>
{
    public ReferralProgramPayloadType()
    {
        Name = "ReferralProgramPayload";
        Description = "The result of a referral program mutation: the program, or the errors that prevented the change (then nothing was changed).";
        Field<ReferralProgramType>("program").Description("The program after the change; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>ReferralCodePayload</c> type.</summary>
public sealed class ReferralCodePayloadType : ObjectGraphType<ReferralAdminPayload<ReferralCode>>
{
    public ReferralCodePayloadType()
    {
        Name = "ReferralCodePayload";
        Description = "The result of a referral code mutation: the code, or the errors that prevented the change (then nothing was changed).";
        Field<ReferralCodeType>("referralCode").Description("The code after the change; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
