using Blacklist.Collectors.Abstractions;
using Microsoft.Extensions.Configuration;

namespace Blacklist.Collectors.Polite;

/// <summary>
/// Settings every portal source (REGTECH, SECUDIUM) shares, bound from
/// <c>Blacklist:Sources:{name}</c>: where the portal is, how politely to talk to it, and what to
/// fetch. Defaults are polite; tests set the delays to zero.
/// </summary>
public abstract class PortalSourceSettings
{
    /// <summary>The portal's root URL; a path prefix (a reverse proxy) is kept.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Account name; an account stored through the API wins over this (and over the environment).</summary>
    public string? Username { get; set; }

    /// <summary>Account password, usually from the environment (<c>Blacklist__Sources__{name}__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>How long one request (one attempt) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The least time between two requests to the portal (one request at a time in any case).</summary>
    public TimeSpan MinRequestInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries of a request that failed transiently (network, timeout, 408, 429, 5xx); never for a refusal.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; it doubles each attempt (with jitter), and a Retry-After header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive refused logins after which logins pause, so the provider does not lock the account.</summary>
    public int LockoutAfterFailures { get; set; } = 3;

    /// <summary>How long logins pause after <see cref="LockoutAfterFailures"/> refusals.</summary>
    public TimeSpan LockoutPause { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Scheduled runs fetch this many days back from today (Korean time).</summary>
    public int? WindowDays { get; set; }

    /// <summary>Confidence (0–100) given to every indicator of this source; unset leaves the runner's default.</summary>
    public int? Confidence { get; set; }

    /// <summary>Category given to every indicator; defaults to the source kind.</summary>
    public string? Category { get; set; }

    /// <summary>The largest answer (a workbook, a page) accepted from the portal.</summary>
    public long MaxDownloadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a session from the collector's own login is reused by later runs.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(50);

    /// <summary>The window a scheduled run fetches when <see cref="WindowDays"/> is not set.</summary>
    protected virtual int DefaultWindowDays => 3;

    public int EffectiveWindowDays => WindowDays ?? DefaultWindowDays;

    /// <summary>Every problem with these settings, each naming the setting and what to put there.</summary>
    public virtual IEnumerable<string> Validate(string path)
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{path}:BaseUrl: must be an absolute http(s) URL of the portal (got '{BaseUrl}').";
        }

        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromHours(1))
        {
            yield return $"{path}:Timeout: must be between 00:00:00.010 and 01:00:00 (got {Timeout}).";
        }

        if (MinRequestInterval < TimeSpan.Zero || MinRequestInterval > TimeSpan.FromMinutes(10))
        {
            yield return $"{path}:MinRequestInterval: must be between 00:00:00 and 00:10:00 (got {MinRequestInterval}).";
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return $"{path}:MaxRetries: must be between 0 and 10 (got {MaxRetries}).";
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(10))
        {
            yield return $"{path}:RetryDelay: must be between 00:00:00 and 00:10:00 (got {RetryDelay}).";
        }

        if (LockoutAfterFailures is < 1 or > 100)
        {
            yield return $"{path}:LockoutAfterFailures: must be between 1 and 100 (got {LockoutAfterFailures}).";
        }

        if (LockoutPause < TimeSpan.Zero)
        {
            yield return $"{path}:LockoutPause: must not be negative (got {LockoutPause}).";
        }

        if (WindowDays is < 1 or > 3660)
        {
            yield return $"{path}:WindowDays: must be between 1 and 3660 (got {WindowDays}).";
        }

        if (Confidence is < 0 or > 100)
        {
            yield return $"{path}:Confidence: must be between 0 and 100 (got {Confidence}).";
        }

        if (MaxDownloadBytes < 1024)
        {
            yield return $"{path}:MaxDownloadBytes: must be at least 1024 (got {MaxDownloadBytes}).";
        }

        if (SessionLifetime < TimeSpan.Zero)
        {
            yield return $"{path}:SessionLifetime: must not be negative (got {SessionLifetime}).";
        }
    }

    /// <summary>Binds and validates a source's section; a bad setting fails the run with every problem named.</summary>
    public static TSettings Load<TSettings>(CollectionContext context)
        where TSettings : PortalSourceSettings, new()
    {
        var (settings, problems) = Bind<TSettings>(context.Settings);
        return problems.Count > 0 ? throw new CollectionException(CollectionFailure.Other, string.Join(" ", problems)) : settings!;
    }

    /// <summary>Every problem with a source's section, each as "{path}:{Key}: what to put there" (for start-up validation).</summary>
    public static IReadOnlyList<string> Check<TSettings>(IConfigurationSection section)
        where TSettings : PortalSourceSettings, new()
        => Bind<TSettings>(section).Problems;

    private static (TSettings? Settings, List<string> Problems) Bind<TSettings>(IConfigurationSection section)
        where TSettings : PortalSourceSettings, new()
    {
        try
        {
            var settings = section.Get<TSettings>() ?? new TSettings();
            return (settings, settings.Validate(section.Path).ToList());
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            return (null, [$"{section.Path}: {ex.Message}"]);
        }
    }
}
