namespace Blacklist.Server.Security;

/// <summary>Why a credential was refused: the metric label and the log's reason (never the credential).</summary>
internal static class AuthFailureReason
{
    public const string Malformed = "malformed";
    public const string UnknownKey = "unknown_key";
    public const string WrongSecret = "wrong_secret";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
    public const string AddressNotAllowed = "address_not_allowed";
    public const string WrongPassword = "wrong_password";
    public const string LockedOut = "locked_out";
    public const string Disabled = "disabled";
}
