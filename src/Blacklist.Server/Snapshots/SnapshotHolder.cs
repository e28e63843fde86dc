namespace Blacklist.Server.Snapshots;

/// <summary>
/// Holds the snapshot being served. Readers take <see cref="Current"/> (one volatile read, no lock)
/// and keep using that immutable object; the snapshot service swaps in the next one.
/// </summary>
internal sealed class SnapshotHolder
{
    private volatile PublishedSnapshot? _current;
    private TaskCompletionSource _published = NewSignal();

    /// <summary>The snapshot being served, or null before the first one was loaded.</summary>
    public PublishedSnapshot? Current => _current;

    public void Publish(PublishedSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _current = next;
        Interlocked.Exchange(ref _published, NewSignal()).TrySetResult();
    }

    /// <summary>Completes when a snapshot newer than <paramref name="version"/> is served.</summary>
    public async Task<PublishedSnapshot> WaitForNewerAsync(long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _published).Task;
            if (_current is { } current && current.Snapshot.Version > version)
            {
                return current;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
