using System.IO.Compression;
using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Tests.Snapshots;

public sealed class RenderedPayloadTests
{
    [Fact]
    public void Compressed_bodies_decode_to_the_rendered_bytes()
    {
        var payload = Render(Set(5000), version: 3);

        payload.Identity.Length.ShouldBeGreaterThan(50_000);
        Decode(new GZipStream(new MemoryStream(payload.Gzip), CompressionMode.Decompress)).ShouldBe(payload.Identity);
        Decode(new BrotliStream(new MemoryStream(payload.Brotli), CompressionMode.Decompress)).ShouldBe(payload.Identity);
        payload.Gzip.Length.ShouldBeLessThan(payload.Identity.Length / 2);
        payload.EntriesHeader.ToString().ShouldBe("5000");
        payload.VersionHeader.ToString().ShouldBe("3");
    }

    [Fact]
    public void The_etag_follows_the_content_not_the_version()
    {
        var first = Render(Set(10), version: 1);
        var sameContentLaterVersion = Render(Set(10), version: 7);
        var otherContent = Render(Set(11), version: 1);

        sameContentLaterVersion.IdentityETag.ShouldBe(first.IdentityETag);
        otherContent.IdentityETag.ShouldNotBe(first.IdentityETag);
        first.IdentityETag.ToString().ShouldStartWith("\"plain-");
        new[] { first.IdentityETag.ToString(), first.GzipETag.ToString(), first.BrotliETag.ToString() }.Distinct().Count().ShouldBe(3);
    }

    private static RenderedPayload Render(IpSet set, long version)
        => RenderedPayload.Render(ListRenderers.For(ListFormat.Plain), new RenderInput(set) { Version = version }, ListRenderers.CountEntries(ListFormat.Plain, set), 5);

    private static IpSet Set(int count)
    {
        var builder = new IpSetBuilder();
        for (uint i = 0; i < count; i++)
        {
            builder.AddV4(0x2D000000 + (i * 7), 0x2D000000 + (i * 7));
        }

        return builder.Build();
    }

    private static byte[] Decode(Stream decoder)
    {
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        decoder.Dispose();
        return output.ToArray();
    }
}
