using System.ComponentModel.DataAnnotations;

namespace Blacklist.Server.Security;

/// <summary>One budget of the rate limiter (Blacklist:RateLimits:{policy}), per key or client address.</summary>
internal sealed class RateLimitBudget
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Separate budgets so a busy firewall cannot starve searches, writes or logins (Blacklist:RateLimits).</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Blacklist:RateLimits";

    public RateLimitBudget Feeds { get; set; } = new() { PermitLimit = 120 };

    public RateLimitBudget Search { get; set; } = new() { PermitLimit = 300 };

    public RateLimitBudget Writes { get; set; } = new() { PermitLimit = 120 };

    public RateLimitBudget Login { get; set; } = new() { PermitLimit = 10 };

    public RateLimitBudget For(string policy) => policy switch
    {
        RateLimitPolicies.Feeds => Feeds,
        RateLimitPolicies.Search => Search,
        RateLimitPolicies.Writes => Writes,
        RateLimitPolicies.Login => Login,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a rate-limit policy."),
    };
}

public static class RateLimitPolicies
{
    public const string Feeds = "feeds";
    public const string Search = "search";
    public const string Writes = "writes";
    public const string Login = "login";

    internal static readonly string[] All = [Feeds, Search, Writes, Login];
}
