using Blacklist.Data.Contracts;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Collection;

/// <summary>The configured sources at run time, with each one's effective on/off (an operator's override wins).</summary>
public sealed class SourceCatalog(IOptions<SourcesOptions> options, ISourceRegistry registry)
{
    public IReadOnlyList<SourceDefinition> All => options.Value.Sources;

    public SourceDefinition? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>Records every configured source in the store (the status page and foreign keys need the rows).</summary>
    public Task RegisterAsync(CancellationToken cancellationToken)
        => registry.EnsureAsync(All.Select(s => KeyValuePair.Create(s.Name, s.Kind)), cancellationToken);

    /// <summary>Effective on/off per source: the store's override when set, else the configuration.</summary>
    public async Task<IReadOnlyDictionary<string, bool>> GetEnabledAsync(CancellationToken cancellationToken)
    {
        var overrides = await registry.GetEnabledOverridesAsync(cancellationToken);
        return All.ToDictionary(s => s.Name, s => overrides.TryGetValue(s.Name, out var enabled) ? enabled : s.Enabled, StringComparer.Ordinal);
    }
}
