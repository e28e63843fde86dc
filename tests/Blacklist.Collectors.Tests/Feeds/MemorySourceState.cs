using System.Collections.Concurrent;
using Blacklist.Core.Sources;

namespace Blacklist.Collectors.Tests.Feeds;

/// <summary>Source state kept in memory, for collector tests.</summary>
internal sealed class MemorySourceState : ISourceStateStore
{
    private readonly ConcurrentDictionary<(string, string), string> values = new();

    public Task<string?> GetAsync(string source, string key, CancellationToken cancellationToken)
        => Task.FromResult(values.TryGetValue((source, key), out var value) ? value : null);

    public Task SetAsync(string source, string key, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            values.TryRemove((source, key), out _);
        }
        else
        {
            values[(source, key)] = value;
        }

        return Task.CompletedTask;
    }
}
