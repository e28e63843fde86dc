using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using Blacklist.Server.Caching;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Tests.Caching;

public sealed class PayloadFrameTests
{
    private static readonly RenderedPayload Payload = RenderedPayload.Render(
        ListRenderers.For(ListFormat.Json),
        new RenderInput(IpSet.FromRanges([IpRange.V4(0x2D010203), IpRange.V4(0x2D010300, 0x2D0103FF)])) { Version = 7 },
        2,
        5);

    [Fact]
    public void A_frame_gives_back_every_encoding_the_entries_and_the_etags()
    {
        var decoded = PayloadFrame.TryDecode(PayloadFrame.Encode(Payload), ListFormat.Json, 7);

        decoded.ShouldNotBeNull();
        decoded.Identity.ShouldBe(Payload.Identity);
        decoded.Gzip.ShouldBe(Payload.Gzip);
        decoded.Brotli.ShouldBe(Payload.Brotli);
        decoded.Entries.ShouldBe(2);
        decoded.IdentityETag.ShouldBe(Payload.IdentityETag);
        decoded.ContentType.ShouldBe(Payload.ContentType);
        decoded.VersionHeader.ToString().ShouldBe("7");
    }

    [Fact]
    public void A_truncated_altered_or_foreign_value_is_no_payload()
    {
        var frame = PayloadFrame.Encode(Payload);
        var altered = frame.ToArray();
        altered[^(Payload.Brotli.Length + Payload.Gzip.Length + 1)] ^= 0x20; // the last identity byte

        PayloadFrame.TryDecode(frame.AsSpan(0, frame.Length - 1), ListFormat.Json, 7).ShouldBeNull();
        PayloadFrame.TryDecode(altered, ListFormat.Json, 7).ShouldBeNull();
        PayloadFrame.TryDecode("not a payload"u8, ListFormat.Json, 7).ShouldBeNull();
        PayloadFrame.TryDecode([], ListFormat.Json, 7).ShouldBeNull();
    }
}
