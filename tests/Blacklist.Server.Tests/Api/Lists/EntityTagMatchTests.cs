using Blacklist.Server.Api.Lists;
using Microsoft.Extensions.Primitives;

namespace Blacklist.Server.Tests.Api.Lists;

public sealed class EntityTagMatchTests
{
    private static readonly StringValues Plain = "\"plain-1\"";
    private static readonly StringValues Gzip = "\"plain-1-gzip\"";
    private static readonly StringValues Brotli = "\"plain-1-br\"";

    [Theory]
    [InlineData("\"plain-1\"", true)]
    [InlineData("\"plain-1-gzip\"", true)]
    [InlineData("W/\"plain-1-br\"", true)]
    [InlineData("\"other\", \"plain-1\"", true)]
    [InlineData("*", true)]
    [InlineData("\"plain-2\"", false)]
    [InlineData("plain-1", false)]
    [InlineData("", false)]
    public void Matches_any_encoding_of_the_payload_by_weak_comparison(string header, bool expected)
        => EntityTagMatch.Any(header, Plain, Gzip, Brotli).ShouldBe(expected);
}
