namespace Blacklist.Server.Api.Sources;

/// <summary>PUT /api/sources/{name}/credentials. Never echoed back, never logged.</summary>
public sealed record SourceCredentialsBody(string? Username, string? Password)
{
    public override string ToString() => $"{nameof(SourceCredentialsBody)} {{ Username = {Username}, Password = *** }}";
}

/// <summary>
/// PUT /api/sources/{name}/session: a REGTECH browser session — the <c>regtech-va</c> cookie value
/// (<c>Bearer …</c>), <c>regtech-va=…</c>, or a whole Cookie header — and when it expires (by
/// default the JWT's own expiry, else one hour from now).
/// </summary>
public sealed record SourceSessionBody(string? Cookie, DateTimeOffset? ExpiresAt)
{
    public override string ToString() => $"{nameof(SourceSessionBody)} {{ ExpiresAt = {ExpiresAt:O}, Cookie = *** }}";
}

/// <summary>GET /api/sources/{name}/credentials: whether secrets are set, never the secrets.</summary>
/// <param name="Set">Credentials are stored or configured.</param>
/// <param name="Origin">"stored" (through this API), "configuration" (settings or environment), or null.</param>
/// <param name="LastLogin">The last successful login.</param>
/// <param name="Session">The reusable session (a pasted cookie or a kept token), if one is valid.</param>
/// <param name="RefusedLogins">Refused logins in a row.</param>
/// <param name="LoginsPausedUntil">Logins pause until then after too many refusals (setting credentials ends the pause).</param>
public sealed record SourceCredentialsView(
    bool Set,
    string? Origin,
    DateTimeOffset? LastLogin,
    SourceSessionView Session,
    int RefusedLogins,
    DateTimeOffset? LoginsPausedUntil);

/// <param name="Set">A session is stored and not expired.</param>
/// <param name="ExpiresAt">When it expires.</param>
public sealed record SourceSessionView(bool Set, DateTimeOffset? ExpiresAt);
