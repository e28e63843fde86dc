using Blacklist.Core.Rendering;
using Blacklist.Core.Snapshots;
using Blacklist.Server.Caching;

namespace Blacklist.Server.Snapshots;

/// <summary>
/// The snapshot being served together with its rendered payloads: swapped as one object, so a
/// reader never pairs one version's data with another version's bytes. With a shared cache, a format
/// is taken from Redis when another replica rendered it for the same content, else rendered here.
/// A rebuild that found the same version and content (the maximum age passed, nothing changed) keeps
/// the lists already rendered, so their ETags stay and clients keep getting 304. Rendering and the
/// Redis lookup run off the requesting thread and are awaited, so no thread blocks on Redis.
/// </summary>
internal sealed class PublishedSnapshot
{
    private readonly Lazy<Task<RenderedPayload>>[] _payloads;
    private readonly SharedPayloadCache? _shared;
    private readonly Lazy<ulong> _fingerprint;

    public PublishedSnapshot(BlocklistSnapshot snapshot, ListOptions options, SharedPayloadCache? shared = null, PublishedSnapshot? previous = null)
    {
        Snapshot = snapshot;
        _shared = shared;
        _fingerprint = new Lazy<ulong>(() => SnapshotFingerprint.Of(snapshot, options), LazyThreadSafetyMode.ExecutionAndPublication);
        var same = previous is not null && previous.Snapshot.Version == snapshot.Version && previous._fingerprint.Value == _fingerprint.Value;
        var formats = Enum.GetValues<ListFormat>();
        _payloads = new Lazy<Task<RenderedPayload>>[formats.Max(f => (int)f) + 1];
        foreach (var format in formats)
        {
            _payloads[(int)format] = same && previous!.IsRendered(format)
                ? new Lazy<Task<RenderedPayload>>(previous.PayloadAsync(format))
                : new Lazy<Task<RenderedPayload>>(() => Task.Run(() => RenderAsync(format, options)), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    public BlocklistSnapshot Snapshot { get; }

    /// <summary>The payload of one format, rendered on first use (once, however many ask at the same time).</summary>
    public Task<RenderedPayload> PayloadAsync(ListFormat format) => _payloads[(int)format].Value;

    /// <summary>True when the format is rendered already, so asking for it costs nothing.</summary>
    public bool IsRendered(ListFormat format) => _payloads[(int)format] is { IsValueCreated: true, Value.IsCompletedSuccessfully: true };

    private async Task<RenderedPayload> RenderAsync(ListFormat format, ListOptions options)
    {
        return _shared is null ? RenderHere() : await _shared.GetOrRenderAsync(Snapshot, () => _fingerprint.Value, format, RenderHere);

        RenderedPayload RenderHere()
        {
            var (input, entries) = ListInputs.For(Snapshot, format, options);
            return RenderedPayload.Render(ListRenderers.For(format), input, entries, options.BrotliQuality);
        }
    }
}
