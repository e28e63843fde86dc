using Blacklist.Server.Api.Lists;
using Microsoft.Extensions.Primitives;

namespace Blacklist.Server.Tests.Api.Lists;

public sealed class ContentCodingNegotiationTests
{
    [Theory]
    [InlineData(null, "Identity")]
    [InlineData("", "Identity")]
    [InlineData("gzip", "Gzip")]
    [InlineData("x-gzip", "Gzip")]
    [InlineData("GZIP, deflate", "Gzip")]
    [InlineData("br", "Brotli")]
    [InlineData("gzip, deflate, br, zstd", "Brotli")]
    [InlineData("br;q=0, gzip;q=0.5", "Gzip")]
    [InlineData("br;q=0.0, gzip;q=0", "Identity")]
    [InlineData("gzip;q=0.001", "Gzip")]
    [InlineData("*", "Brotli")]
    [InlineData("deflate, identity", "Identity")]
    public void Chooses_brotli_then_gzip_then_none_honouring_q_zero(string? header, string expected)
        => ContentCodingNegotiation.Choose(header is null ? StringValues.Empty : new StringValues(header)).ToString().ShouldBe(expected);

    [Fact]
    public void Reads_several_header_lines()
        => ContentCodingNegotiation.Choose(new StringValues(["deflate", "gzip"])).ShouldBe(ContentCoding.Gzip);
}
