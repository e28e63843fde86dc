using System.ComponentModel.DataAnnotations;

namespace Blacklist.Collectors.Http;

/// <summary>How HTTP feeds are fetched (Blacklist:Http): retries on transient failures and the per-attempt timeout.</summary>
public sealed class FeedHttpOptions
{
    public const string Section = "Blacklist:Http";

    /// <summary>Retries after a transient failure (network error, 5xx, 408, 429, attempt timeout).</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;

    /// <summary>The first retry's delay; each further retry doubles it (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may wait for the response headers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Required]
    public string UserAgent { get; set; } = "blacklist/1.0 (threat-intelligence feed collector)";
}
