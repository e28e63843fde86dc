using System.ComponentModel.DataAnnotations;

namespace Blacklist.Server.Caching;

/// <summary>
/// The shared layer between replicas (section <c>Redis</c>). An empty <see cref="Configuration"/>
/// means no Redis: each process keeps its lists in memory and polls the database for changes.
/// </summary>
internal sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:6379,password=…,ssl=true</c>); empty: memory only.</summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key and channel name, so several deployments can share one Redis.</summary>
    [RegularExpression(@"^[A-Za-z0-9_.:\-]{1,64}$", ErrorMessage = "Redis:KeyPrefix must be 1 to 64 letters, digits or _ . : - (for example \"blacklist:\").")]
    public string KeyPrefix { get; set; } = "blacklist:";

    /// <summary>How long a rendered list stays in Redis: long enough for every replica to reach the same version.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Redis:PayloadTtl must be between 00:00:10 and 1.00:00:00.")]
    public TimeSpan PayloadTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a lost connection is tried again; the fallback to memory lasts at most about this long after Redis is back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Redis:ReconnectInterval must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
