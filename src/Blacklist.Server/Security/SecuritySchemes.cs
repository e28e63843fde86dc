namespace Blacklist.Server.Security;

internal static class SecuritySchemes
{
    /// <summary>Chooses the API key handler when the request carries a credential header, else the cookie.</summary>
    public const string Default = "Blacklist";
    public const string ApiKey = "ApiKey";
    public const string Cookie = "Cookie";

    public const string ApiKeyHeader = "X-API-Key";
    public const string SessionCookie = "blacklist.session";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string KeyIdClaim = "blacklist:key_id";
}
