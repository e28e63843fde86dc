using System.Collections.Concurrent;
using Blacklist.Core.Sources;

namespace Blacklist.Collectors.Tests.Credentials;

/// <summary>The durable state store as a dictionary, so tests can look at exactly what was stored.</summary>
internal sealed class InMemorySourceStateStore : ISourceStateStore
{
    private readonly ConcurrentDictionary<(string Source, string Key), string> _values = new();

    public IReadOnlyDictionary<(string Source, string Key), string> Values => _values;

    public Task<string?> GetAsync(string source, string key, CancellationToken cancellationToken)
        => Task.FromResult(_values.TryGetValue((source, key), out var value) ? value : null);

    public Task SetAsync(string source, string key, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            _values.TryRemove((source, key), out _);
        }
        else
        {
            _values[(source, key)] = value;
        }

        return Task.CompletedTask;
    }
}
