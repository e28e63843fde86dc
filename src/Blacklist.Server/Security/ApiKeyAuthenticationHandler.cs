using System.Security.Claims;
using System.Text.Encodings.Web;
using Blacklist.Data.Hosting;
using Blacklist.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>
/// Authenticates API keys. No credential header: no result (the cookie or an anonymous network may
/// still apply). A credential that does not check out fails, and is logged once as `Authentication failed`.
/// When the database cannot be reached, a key it confirmed recently is trusted from
/// <see cref="VerifiedKeyCache"/>; any other key can be neither accepted nor refused and is answered 503.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IApiKeyStore keys,
    VerifiedKeyCache verified,
    KeyUsageRecorder usage,
    AuthFailureLog failures,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>How long a key lookup may take before the database counts as unreachable for this request.</summary>
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!PresentedKey.HasCredential(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var text = PresentedKey.Read(Request, out var problem);
        if (problem is not null || !ApiKeySecret.TryParse(text, out var presented))
        {
            return Refuse(AuthFailureReason.Malformed, null);
        }

        StoredApiKey? stored;
        var confirmedNow = true;
        try
        {
            stored = await FindAsync(presented.KeyId);
        }
        catch (Exception e) when (DatabaseFailures.IsUnreachable(e) && !Context.RequestAborted.IsCancellationRequested)
        {
            stored = verified.Recall(presented.KeyId);
            if (stored is null)
            {
                LogUncheckable(Logger, presented.KeyId, AuthFailureLog.ClientAddress(Context), DatabaseFailures.Reason(e));
                return AuthenticateResult.Fail(new KeyUncheckableException());
            }

            confirmedNow = false;
            LogTrustedFromMemory(Logger, presented.KeyId);
        }

        if (stored is null)
        {
            verified.Forget(presented.KeyId);
            return Refuse(AuthFailureReason.UnknownKey, presented.KeyId);
        }

        // The secret is checked before anything else about the key is revealed.
        if (!presented.Matches(stored.SecretHash))
        {
            return Refuse(AuthFailureReason.WrongSecret, presented.KeyId);
        }

        var key = stored.Record;
        if (key.RevokedAt is not null)
        {
            verified.Forget(presented.KeyId);
            return Refuse(AuthFailureReason.Revoked, presented.KeyId);
        }

        if (key.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            verified.Forget(presented.KeyId);
            return Refuse(AuthFailureReason.Expired, presented.KeyId);
        }

        if (key.AllowedCidrs.Count > 0 && !NetworkList.Parse(key.AllowedCidrs, $"key {key.Id} allowed CIDRs").Contains(Context.Connection.RemoteIpAddress))
        {
            return Refuse(AuthFailureReason.AddressNotAllowed, presented.KeyId);
        }

        if (confirmedNow)
        {
            verified.Remember(stored);
            _ = usage.Record(key); // never awaited: recording a use must not delay the request
        }

        var principal = RoleClaims.Principal($"key:{key.Name}", key.Role, SecuritySchemes.ApiKey, new Claim(SecuritySchemes.KeyIdClaim, key.KeyId));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SecuritySchemes.ApiKey));
    }

    /// <summary>
    /// Looks the key up, giving up after <see cref="LookupTimeout"/> with a <see cref="TimeoutException"/>
    /// (a database that hangs rather than refuses), so a recently confirmed key is served from memory
    /// instead of waiting for the driver's own connect and command timeouts.
    /// </summary>
    private Task<StoredApiKey?> FindAsync(string keyId)
        => DatabaseDeadline.WithinAsync(token => keys.FindAsync(keyId, token), LookupTimeout, time, Context.RequestAborted);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Not 401: the key may well be valid, and a firewall told 401 may drop it from its configuration.
        if ((await HandleAuthenticateOnceSafeAsync()).Failure is KeyUncheckableException)
        {
            Response.Headers.RetryAfter = "30";
            await Problems.WriteAsync(
                Context,
                StatusCodes.Status503ServiceUnavailable,
                "The database is unreachable; the key cannot be checked",
                "This API key was not confirmed by the database recently enough to be trusted while the database is down, so it is neither accepted nor refused. "
                + "Retry when /health shows the database up; keys used shortly before the outage and anonymous feed networks keep reading meanwhile.");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", "Bearer");

        // Script requests (the dashboard) get no Basic challenge: a browser would answer it with its own password dialog.
        if (!Request.Headers.ContainsKey("X-Requested-With"))
        {
            Response.Headers.Append("WWW-Authenticate", "Basic realm=\"blacklist\", charset=\"UTF-8\"");
        }
    }

    private AuthenticateResult Refuse(string reason, string? keyId)
    {
        failures.Failed(Context, reason, keyId is null ? null : $"key {keyId}");
        return AuthenticateResult.Fail($"API key refused: {reason}");
    }

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug, Message = "The database is unreachable: API key {KeyId} trusted as it was last confirmed")]
    private static partial void LogTrustedFromMemory(ILogger logger, string keyId);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "API key {KeyId} from {ClientAddress} could not be checked: the database is unreachable ({Reason}); answered 503")]
    private static partial void LogUncheckable(ILogger logger, string keyId, string clientAddress, string reason);
}
