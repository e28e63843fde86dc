using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

internal sealed class SourceRegistry(DataWriter writer) : ISourceRegistry
{
    /// <remarks>
    /// Replicas starting together on one database race here: a source another replica inserted
    /// between this one's read and insert fails the insert (unique name); reading again finds it.
    /// </remarks>
    public async Task EnsureAsync(IEnumerable<KeyValuePair<string, string>> nameAndKind, CancellationToken cancellationToken)
    {
        var wanted = nameAndKind.ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AddMissingAsync(wanted, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Registered meanwhile by another process: the next attempt reads it.
            }
        }
    }

    public Task<IReadOnlyDictionary<string, bool>> GetEnabledOverridesAsync(CancellationToken cancellationToken)
        => writer.ReadAsync<IReadOnlyDictionary<string, bool>>(
            async db => await db.Sources.AsNoTracking()
                .Where(s => s.Enabled != null)
                .ToDictionaryAsync(s => s.Name, s => s.Enabled!.Value, StringComparer.Ordinal, cancellationToken),
            cancellationToken);

    public Task SetEnabledAsync(string source, bool? enabled, string actor, CancellationToken cancellationToken)
        => writer.WriteAsync(
            async db =>
            {
                var now = writer.Time.GetUtcNow();
                var row = await db.Sources.FirstOrDefaultAsync(s => s.Name == source, cancellationToken)
                    ?? throw new KeyNotFoundException($"source '{source}' is not known to the store");
                row.Enabled = enabled;
                DataWriter.Audit(db, now, actor, "source.enabled", source, enabled?.ToString() ?? "follow configuration");
                return true;
            },
            cancellationToken);

    private Task AddMissingAsync(IReadOnlyList<KeyValuePair<string, string>> nameAndKind, CancellationToken cancellationToken)
        => writer.SaveAsync(
            async db =>
            {
                var known = await db.Sources.Select(s => s.Name).ToListAsync(cancellationToken);
                var now = writer.Time.GetUtcNow();
                foreach (var (name, kind) in nameAndKind)
                {
                    if (!known.Contains(name, StringComparer.Ordinal))
                    {
                        db.Sources.Add(new SourceRow { Name = name, Kind = kind, CreatedAt = now });
                        known.Add(name);
                    }
                }
            },
            cancellationToken);
}
