namespace Blacklist.Data.Hosting;

/// <summary>Where and how the store keeps its data; filled by <see cref="DataServiceCollectionExtensions.AddBlacklistData"/>.</summary>
public sealed class DataOptions
{
    /// <summary>"sqlite" (default) or "postgres" (Database:Provider).</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>The ADO.NET connection string actually used.</summary>
    public string ConnectionString { get; set; } = "";

    public string DataDirectory { get; set; } = "";

    /// <summary>How long a manual entry without an explicit expiry lives (Blacklist:Sources:manual:Ttl, default 365 days).</summary>
    public TimeSpan ManualTtl { get; set; } = Core.Indicators.LifetimePolicy.DefaultManualTtl;
}

public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
