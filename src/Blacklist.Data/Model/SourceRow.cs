namespace Blacklist.Data.Model;

/// <summary>A source known to the store: configured ones, "manual", and import targets.</summary>
internal sealed class SourceRow
{
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>An operator's override of the configured "enabled" flag; null follows the configuration.</summary>
    public bool? Enabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
