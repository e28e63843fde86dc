using System.ComponentModel.DataAnnotations;

namespace Blacklist.Server.Security;

/// <summary>Who may reach the service without a credential, which proxies are believed, and login lock-out (Blacklist:Access).</summary>
internal sealed class AccessOptions
{
    public const string Section = "Blacklist:Access";

    public static readonly string[] LoopbackNetworks = ["127.0.0.0/8", "::1"];

    /// <summary>
    /// Networks that read the feeds without a key (firewalls on a management network); unset means
    /// loopback only (<see cref="LoopbackNetworks"/>), an empty list means nobody. Null by default because
    /// the configuration binder appends to an array's initial items instead of replacing them.
    /// </summary>
    public string[]? AnonymousFeedNetworks { get; set; }

    /// <summary>Proxies whose X-Forwarded-For/Proto are believed; none by default.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Networks allowed to scrape /metrics; empty means anyone.</summary>
    public string[] MetricsNetworks { get; set; } = [];

    [Range(1, 100)]
    public int LoginMaxFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan LoginLockout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long an API key the database confirmed stays trusted while the database is unreachable
    /// (<see cref="VerifiedKeyCache"/>): also the longest a revocation can go unnoticed during an outage.
    /// Zero turns the fallback off (keys then answer 503 during an outage).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan VerifiedKeyLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many confirmed keys are remembered for <see cref="VerifiedKeyLifetime"/>.</summary>
    [Range(1, 1_000_000)]
    public int VerifiedKeyCacheSize { get; set; } = 10_000;

    /// <summary>On first start with no admin key and no admin user, create an admin key and print it once.</summary>
    public bool CreateInitialAdminKey { get; set; } = true;

    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    [Range(1024, long.MaxValue)]
    public long MaxUploadBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Path prefixes that accept uploads up to <see cref="MaxUploadBodyBytes"/>.</summary>
    public string[] UploadPaths { get; set; } = ["/api/import"];
}
