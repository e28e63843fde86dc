using System.Security.Claims;
using System.Text.Encodings.Web;
using Blacklist.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>
/// Authenticates API keys. No credential header: no result (the cookie or an anonymous network may
/// still apply). A credential that does not check out fails, and is logged once as `Authentication failed`.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IApiKeyStore keys,
    KeyUsageRecorder usage,
    AuthFailureLog failures,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
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

        var stored = await keys.FindAsync(presented.KeyId, Context.RequestAborted);
        if (stored is null)
        {
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
            return Refuse(AuthFailureReason.Revoked, presented.KeyId);
        }

        if (key.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            return Refuse(AuthFailureReason.Expired, presented.KeyId);
        }

        if (key.AllowedCidrs.Count > 0 && !NetworkList.Parse(key.AllowedCidrs, $"key {key.Id} allowed CIDRs").Contains(Context.Connection.RemoteIpAddress))
        {
            return Refuse(AuthFailureReason.AddressNotAllowed, presented.KeyId);
        }

        await usage.RecordAsync(key, Context.RequestAborted);
        var principal = RoleClaims.Principal($"key:{key.Name}", key.Role, SecuritySchemes.ApiKey, new Claim(SecuritySchemes.KeyIdClaim, key.KeyId));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SecuritySchemes.ApiKey));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", "Bearer");

        // Script requests (the dashboard) get no Basic challenge: a browser would answer it with its own password dialog.
        if (!Request.Headers.ContainsKey("X-Requested-With"))
        {
            Response.Headers.Append("WWW-Authenticate", "Basic realm=\"blacklist\", charset=\"UTF-8\"");
        }
        return Task.CompletedTask;
    }

    private AuthenticateResult Refuse(string reason, string? keyId)
    {
        failures.Failed(Context, reason, keyId is null ? null : $"key {keyId}");
        return AuthenticateResult.Fail($"API key refused: {reason}");
    }
}
