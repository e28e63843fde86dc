using Prometheus;

namespace Blacklist.Server.Security;

/// <summary>The security series the alert rules use.</summary>
internal static class SecurityMetrics
{
    public static readonly Counter AuthFailures = Metrics.CreateCounter(
        "blacklist_auth_failures_total", "Failed authentication attempts by reason.", "reason");

    public static readonly Counter RateLimitRejections = Metrics.CreateCounter(
        "blacklist_rate_limit_rejections_total", "Requests answered 429 by rate-limit policy.", "policy");
}
