namespace Platform.Api.Security;

/// <summary>Claims the token endpoint puts into access tokens besides the standard ones.</summary>
public static class PlatformClaims
{
    /// <summary>The client kind (<see cref="ClientKinds"/>) of a machine client.</summary>
    public const string ClientKind = "client_kind";

    /// <summary>The database id of the partner a partner client is bound to.</summary>
    public const string PartnerId = "partner_id";

    /// <summary>"true" when the client may run only trusted documents (schema/documents).</summary>
    public const string TrustedDocumentsOnly = "trusted_documents_only";

    /// <summary>The <see cref="ClientKind"/> of a staff user's token (authorization code flow).</summary>
    public const string StaffKind = "staff";

    /// <summary>The database id of the <c>StaffUser</c> a staff user's token belongs to.</summary>
    public const string StaffUserId = "staff_id";
}
