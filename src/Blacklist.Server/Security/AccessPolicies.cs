namespace Blacklist.Server.Security;

/// <summary>The authorization policies endpoints name. Roles nest: reader ⊂ operator ⊂ admin.</summary>
public static class AccessPolicies
{
    public const string Reader = "reader";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>Feeds: a reader credential, or no credential from Blacklist:Access:AnonymousFeedNetworks.</summary>
    public const string Feeds = "feeds";

    /// <summary>Metrics: anyone, or only Blacklist:Access:MetricsNetworks when set.</summary>
    public const string Metrics = "metrics";
}
