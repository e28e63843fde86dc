using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

internal sealed class SettingsStore(DataWriter writer) : ISettingsStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken)
        => writer.ReadAsync(
            async db => (await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken))?.Value,
            cancellationToken);

    public Task SetAsync(string key, string value, string actor, CancellationToken cancellationToken)
        => writer.WriteAsync(
            async db =>
            {
                var now = writer.Time.GetUtcNow();
                var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
                var before = row?.Value;
                if (row is null)
                {
                    db.Settings.Add(new SettingRow { Key = key, Value = value, UpdatedAt = now });
                }
                else
                {
                    row.Value = value;
                    row.UpdatedAt = now;
                }

                DataWriter.Audit(db, now, actor, "setting.set", key, $"{before ?? "(unset)"} -> {value}");
                return true;
            },
            cancellationToken);
}
