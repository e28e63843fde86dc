using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Polite;
using Blacklist.Collectors.Regtech;
using Blacklist.Collectors.Secudium;
using Blacklist.Server.Api.Input;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Collection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Sources;

/// <summary>
/// /api/sources/{name}: the secrets of the sources that log in (REGTECH, SECUDIUM). Secrets go
/// in and are stored encrypted; only "set / not set", the last login and the session's expiry
/// come out. Every change is audited.
/// </summary>
public static class SourcesApi
{
    /// <summary>A pasted session without an expiry and without a readable JWT lasts this long (REGTECH's sessions last about an hour).</summary>
    private static readonly TimeSpan DefaultPastedSessionLifetime = TimeSpan.FromHours(1);

    public static RouteGroupBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        // Admin only: the pipeline puts the admin policy and the write rate limit on this group where it maps it.
        var sources = app.MapGroup("/api/sources/{name}").WithTags("Sources");
        sources.MapGet("/credentials", GetAsync)
            .WithName("GetSourceCredentials")
            .WithSummary("Whether the source's credentials and session are set, and its last login (never the secrets)");
        sources.MapPut("/credentials", SetCredentialsAsync)
            .WithName("SetSourceCredentials")
            .WithSummary("Store the account the source logs in with (encrypted); ends a login pause")
            .WithDescription("Body {\"username\", \"password\"}. Stored credentials win over Username/Password in the settings or environment.");
        sources.MapDelete("/credentials", DeleteCredentialsAsync)
            .WithName("DeleteSourceCredentials")
            .WithSummary("Forget the stored account (configured ones, if any, apply again)");
        sources.MapPut("/session", SetSessionAsync)
            .WithName("SetSourceSession")
            .WithSummary("REGTECH: paste a browser session cookie, used instead of logging in until it expires")
            .WithDescription("Body {\"cookie\", \"expiresAt\"?}: the regtech-va cookie value (\"Bearer …\"), regtech-va=…, or a whole Cookie header. Without expiresAt the JWT's expiry is used, else one hour.");
        sources.MapDelete("/session", DeleteSessionAsync)
            .WithName("DeleteSourceSession")
            .WithSummary("Forget the stored session (the next run logs in)");
        return sources;
    }

    internal static async Task<Results<Ok<SourceCredentialsView>, ProblemHttpResult>> GetAsync(
        string name, [AsParameters] SourceSecretServices services, CancellationToken cancellationToken)
    {
        if (services.Find(name) is not { } source)
        {
            return NotLoggingIn(name, services);
        }

        var status = await services.Credentials.GetStatusAsync(source.Name, source.Settings, cancellationToken);
        var lockout = await services.Lockout.GetStateAsync(source.Name, cancellationToken);
        var pausedUntil = lockout.PausedUntil > services.Time.GetUtcNow() ? lockout.PausedUntil : null;
        return TypedResults.Ok(new SourceCredentialsView(
            status.Set,
            status.Origin,
            status.LastLogin,
            new SourceSessionView(status.SessionSet, status.SessionExpiresAt),
            lockout.ConsecutiveFailures,
            pausedUntil));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetCredentialsAsync(
        string name, SourceCredentialsBody? body, HttpContext context, [AsParameters] SourceSecretServices services, CancellationToken cancellationToken)
    {
        if (services.Find(name) is not { } source)
        {
            return NotLoggingIn(name, services);
        }

        var username = body?.Username?.Trim();
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(body?.Password))
        {
            return ApiProblems.BadRequest("Credentials incomplete", "Send a JSON body {\"username\": \"…\", \"password\": \"…\"} with both fields filled; nothing was stored.");
        }

        if (username.Length > 200 || body.Password.Length > 1000 || username.Any(char.IsControl))
        {
            return ApiProblems.BadRequest("Credentials not usable", "The username must be at most 200 printable characters and the password at most 1000; nothing was stored.");
        }

        await services.Credentials.SetCredentialsAsync(source.Name, new SourceCredentials(username, body.Password), cancellationToken);

        // New credentials are the operator's answer to refused logins: the next run may try again.
        await services.Lockout.ResetAsync(source.Name, cancellationToken);
        await services.Audit.CredentialsAsync(source.Name, set: true, ActorName.Of(context), cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteCredentialsAsync(
        string name, HttpContext context, [AsParameters] SourceSecretServices services, CancellationToken cancellationToken)
    {
        if (services.Find(name) is not { } source)
        {
            return NotLoggingIn(name, services);
        }

        await services.Credentials.DeleteCredentialsAsync(source.Name, cancellationToken);
        await services.Audit.CredentialsAsync(source.Name, set: false, ActorName.Of(context), cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetSessionAsync(
        string name, SourceSessionBody? body, HttpContext context, [AsParameters] SourceSecretServices services, CancellationToken cancellationToken)
    {
        if (services.Find(name) is not { } source)
        {
            return NotLoggingIn(name, services);
        }

        if (source.Kind != RegtechCollector.SourceKind)
        {
            return ApiProblems.BadRequest(
                "Sessions are pasted for REGTECH only",
                $"'{source.Name}' is a {source.Kind} source: it logs in by itself (with an OTP when the account needs one: trigger it with {{\"otp\": \"123456\"}}).");
        }

        var cookie = RegtechSessionCookie.Normalize(body?.Cookie);
        if (cookie is null || cookie.Length > 16 * 1024)
        {
            return ApiProblems.BadRequest(
                "No usable session cookie",
                $"Send {{\"cookie\": \"Bearer eyJ…\"}} with the value of the browser's {RegtechSessionCookie.Name} cookie (or {RegtechSessionCookie.Name}=…, or the whole Cookie header) after logging in to REGTECH; nothing was stored.");
        }

        var now = services.Time.GetUtcNow();
        var expiresAt = body!.ExpiresAt ?? RegtechSessionCookie.ExpiryOf(cookie) ?? now + DefaultPastedSessionLifetime;
        if (expiresAt <= now)
        {
            return ApiProblems.BadRequest(
                "Session already expired",
                $"The session expires {expiresAt:O}, which is not in the future: log in with a browser again and paste the new cookie; nothing was stored.");
        }

        await services.Credentials.SetSessionAsync(source.Name, new SourceSession(cookie, expiresAt) { Pasted = true }, cancellationToken);
        await services.Audit.SessionAsync(source.Name, expiresAt, ActorName.Of(context), cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteSessionAsync(
        string name, HttpContext context, [AsParameters] SourceSecretServices services, CancellationToken cancellationToken)
    {
        if (services.Find(name) is not { } source)
        {
            return NotLoggingIn(name, services);
        }

        await services.Credentials.DeleteSessionAsync(source.Name, cancellationToken);
        await services.Audit.SessionAsync(source.Name, null, ActorName.Of(context), cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotLoggingIn(string name, SourceSecretServices services)
    {
        var known = services.Catalog.All.Where(s => PortalSourceKinds.Contains(s.Kind)).Select(s => s.Name).ToList();
        var kind = services.Catalog.Find(name)?.Kind;
        return ApiProblems.NotFound(
            "No source that logs in",
            (kind is null ? $"There is no source named '{name}'." : $"Source '{name}' is a {kind} source and has no credentials.")
            + (known.Count == 0
                ? " Configure a regtech or secudium source under Blacklist:Sources first."
                : $" Sources with credentials: {string.Join(", ", known)}."));
    }
}

/// <summary>The source kinds that log in.</summary>
internal static class PortalSourceKinds
{
    public static bool Contains(string kind) => kind is RegtechCollector.SourceKind or SecudiumCollector.SourceKind;
}

/// <summary>What the sources endpoints use, injected as one parameter.</summary>
internal sealed record SourceSecretServices(
    SourceCatalog Catalog,
    SourceCredentialStore Credentials,
    AuthFailureLockout Lockout,
    SourceSecretsAudit Audit,
    TimeProvider Time)
{
    public SourceDefinition? Find(string name) => Catalog.Find(name) is { } source && PortalSourceKinds.Contains(source.Kind) ? source : null;
}
