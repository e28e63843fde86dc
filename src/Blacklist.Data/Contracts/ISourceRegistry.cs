namespace Blacklist.Data.Contracts;

/// <summary>The sources table: which sources exist and an operator's per-source on/off override.</summary>
public interface ISourceRegistry
{
    /// <summary>Adds rows for sources not yet known (configured ones at start-up).</summary>
    Task EnsureAsync(IEnumerable<KeyValuePair<string, string>> nameAndKind, CancellationToken cancellationToken);

    /// <summary>Operator overrides of "enabled", by source; sources without one are absent.</summary>
    Task<IReadOnlyDictionary<string, bool>> GetEnabledOverridesAsync(CancellationToken cancellationToken);

    /// <summary>Sets (or with null clears) the override; audited.</summary>
    Task SetEnabledAsync(string source, bool? enabled, string actor, CancellationToken cancellationToken);
}
