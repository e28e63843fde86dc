using Blacklist.Core.Feeds;
using Blacklist.Core.Snapshots;
using Blacklist.Server.Snapshots;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Feeds;

/// <summary>
/// Fits every profile to each new snapshot, keeps each profile's (and the active list's) history
/// of deltas, and hands out the current generation. One writer (<see cref="FeedRefreshService"/>),
/// lock-free readers.
/// </summary>
internal sealed class FeedPublisher
{
    /// <summary>The history key of the whole active list (<c>/api/blacklist/changes</c>).</summary>
    public const string ActiveList = "";

    private readonly int _brotliQuality;
    private readonly Dictionary<string, FeedHistory> _histories = new(StringComparer.OrdinalIgnoreCase);
    private volatile FeedGeneration? _current;
    private TaskCompletionSource _published = NewSignal();

    public FeedPublisher(IOptions<FeedsOptions> feeds, IOptions<ListOptions> lists)
    {
        var options = feeds.Value;
        _brotliQuality = lists.Value.BrotliQuality;
        var (profiles, errors) = FeedProfileReader.Read(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(FeedsOptions.Section, typeof(FeedsOptions), errors);
        }

        Profiles = profiles;
        _histories[ActiveList] = new FeedHistory(options.HistoryVersions, options.HistoryMaxAge);
        foreach (var profile in profiles)
        {
            _histories[profile.Name] = new FeedHistory(options.HistoryVersions, options.HistoryMaxAge);
        }
    }

    public IReadOnlyList<FeedProfile> Profiles { get; }

    /// <summary>The feeds of the latest snapshot, or null before the first.</summary>
    public FeedGeneration? Current => _current;

    public bool IsKnown(string name) => _histories.ContainsKey(name) && name.Length > 0;

    /// <summary>Fits and records every profile for the snapshot (ignored when not newer than the current one).</summary>
    public FeedGeneration? Publish(BlocklistSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_current is { } current && current.Version >= snapshot.Version)
        {
            return null;
        }

        var feeds = new Dictionary<string, PublishedFeed>(StringComparer.OrdinalIgnoreCase);
        var deltas = new Dictionary<string, SetDelta>(StringComparer.OrdinalIgnoreCase);
        RecordDelta(ActiveList, snapshot, snapshot.Active, deltas);
        for (var index = 0; index < Profiles.Count; index++)
        {
            // The one before frees what the previous build left; after the last, the rebuild's final compaction does.
            if (index > 0)
            {
                HeapCompaction.BetweenLargeBuilds(snapshot.Counts.Indicators);
            }

            var profile = Profiles[index];
            var fitted = FeedFitter.Fit(snapshot, profile);
            feeds[profile.Name] = new PublishedFeed(profile, fitted, snapshot.Version, snapshot.BuiltAt, _brotliQuality);
            RecordDelta(profile.Name, snapshot, fitted.Set, deltas);
        }

        var generation = new FeedGeneration(snapshot.Version, feeds, deltas);
        _current = generation;
        Interlocked.Exchange(ref _published, NewSignal()).TrySetResult();
        return generation;
    }

    /// <summary>Changes of a profile (or <see cref="ActiveList"/>) since a version.</summary>
    public ChangesAnswer ChangesSince(string name, long since) => _histories[name].ChangesSince(since);

    /// <summary>Completes when a generation newer than <paramref name="version"/> is published.</summary>
    public async Task<FeedGeneration> WaitForNewerAsync(long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _published).Task;
            if (_current is { } current && current.Version > version)
            {
                return current;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    private void RecordDelta(string name, BlocklistSnapshot snapshot, Core.Addresses.IpSet set, Dictionary<string, SetDelta> deltas)
    {
        if (_histories[name].Record(snapshot.Version, set, snapshot.BuiltAt) is { } delta)
        {
            deltas[name] = delta;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
