using Blacklist.Core.Feeds;
using Blacklist.Core.Rendering;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Feeds;

/// <summary>One profile fitted to one snapshot; its payload is rendered (and compressed) once, on first use.</summary>
internal sealed class PublishedFeed
{
    private readonly Lazy<RenderedPayload> _payload;

    public PublishedFeed(FeedProfile profile, FittedFeed fitted, long version, DateTimeOffset builtAt, int brotliQuality)
    {
        Profile = profile;
        Fitted = fitted;
        Version = version;
        var input = new RenderInput(fitted.Set)
        {
            Version = version,
            GeneratedAt = builtAt,
            Name = profile.Name,
            TotalBeforeCap = fitted.Capped ? fitted.TotalEntries : null,
        };
        _payload = new Lazy<RenderedPayload>(
            () => RenderedPayload.Render(ListRenderers.For(profile.Format), input, fitted.ServedEntries, brotliQuality),
            LazyThreadSafetyMode.ExecutionAndPublication);
        TotalHeader = fitted.TotalEntries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ServedHeader = fitted.ServedEntries.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public FeedProfile Profile { get; }

    public FittedFeed Fitted { get; }

    public long Version { get; }

    public string TotalHeader { get; }

    public string ServedHeader { get; }

    public bool IsRendered => _payload.IsValueCreated;

    public RenderedPayload Payload => _payload.Value;
}
