using Blacklist.Core.Sources;
using Blacklist.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

/// <summary>Collector state (HTTP validators, sessions): bookkeeping, so no change counter bump.</summary>
internal sealed class SourceStateStore(DataWriter writer) : ISourceStateStore
{
    public Task<string?> GetAsync(string source, string key, CancellationToken cancellationToken)
        => writer.ReadAsync(
            async db => (await db.SourceState.AsNoTracking().FirstOrDefaultAsync(s => s.Source == source && s.Key == key, cancellationToken))?.Value,
            cancellationToken);

    public Task SetAsync(string source, string key, string? value, CancellationToken cancellationToken)
        => writer.SaveAsync(
            async db =>
            {
                var row = await db.SourceState.FirstOrDefaultAsync(s => s.Source == source && s.Key == key, cancellationToken);
                if (value is null)
                {
                    if (row is not null)
                    {
                        db.SourceState.Remove(row);
                    }

                    return;
                }

                if (row is null)
                {
                    db.SourceState.Add(new SourceStateRow { Source = source, Key = key, Value = value, UpdatedAt = writer.Time.GetUtcNow() });
                }
                else
                {
                    row.Value = value;
                    row.UpdatedAt = writer.Time.GetUtcNow();
                }
            },
            cancellationToken);
}
