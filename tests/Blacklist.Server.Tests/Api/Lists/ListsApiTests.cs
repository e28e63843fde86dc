using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Api.Lists;

public sealed class ListsApiTests
{
    public static TheoryData<string, string> Formats => new()
    {
        { "plain", "text/plain" },
        { "cidr", "text/plain" },
        { "range", "text/plain" },
        { "fortigate", "text/plain" },
        { "edl", "text/plain" },
        { "ipset", "text/plain" },
        { "nft", "text/plain" },
        { "json", "application/json" },
        { "csv", "text/csv" },
    };

    [Fact]
    public async Task The_active_list_is_plain_text_with_caching_headers()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("2a00:1450::7");

        var response = await app.Client.GetAsync("/api/blacklist/active");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("45.1.2.3\n2a00:1450::7\n");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        response.Content.Headers.ContentLength.ShouldBe(22);
        response.Content.Headers.ContentEncoding.ShouldBeEmpty();
        response.Headers.ETag!.IsWeak.ShouldBeFalse();
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        response.Headers.GetValues("X-Snapshot-Version").Single().ShouldBe(app.Factory.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.GetValues("X-Entries").Single().ShouldBe("2");
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_answers_304_until_the_list_changes()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        var first = await app.Client.GetAsync("/api/blacklist/active");
        var etag = first.Headers.ETag!;

        var revalidated = await Send(app.Client, "/api/blacklist/active", request => request.Headers.IfNoneMatch.Add(etag));
        var weak = await Send(app.Client, "/api/blacklist/active", request => request.Headers.TryAddWithoutValidation("If-None-Match", "W/" + etag.Tag));
        await app.BlockAsync("45.1.2.4");
        var changed = await Send(app.Client, "/api/blacklist/active", request => request.Headers.IfNoneMatch.Add(etag));

        revalidated.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await revalidated.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        revalidated.Headers.ETag.ShouldBe(etag);
        weak.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBe(etag);
        (await changed.Content.ReadAsStringAsync()).ShouldBe("45.1.2.3\n45.1.2.4\n");
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task Compressed_bodies_are_served_pre_compressed_and_decompress_to_the_plain_list(string acceptEncoding, string? expected)
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("45.9.9.9");
        var plain = await app.Client.GetByteArrayAsync("/api/blacklist/active");

        var response = await Send(app.Client, "/api/blacklist/active", request => request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsByteArrayAsync();
        response.Content.Headers.ContentLength.ShouldBe(body.Length);
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        if (expected is null)
        {
            response.Content.Headers.ContentEncoding.ShouldBeEmpty();
            body.ShouldBe(plain);
            return;
        }

        response.Content.Headers.ContentEncoding.ShouldBe([expected]);
        Decompress(expected, body).ShouldBe(plain);

        // A client that cached this encoding revalidates with its own tag.
        var again = await Send(app.Client, "/api/blacklist/active", request =>
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            request.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        });
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_format_lists_the_entries_with_its_content_type(string format, string mediaType)
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("2a00:1450::7");

        var response = await app.Client.GetAsync($"/api/blacklist/active?format={format}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("45.1.2.3");
        body.ShouldContain("2a00:1450::7");
        response.Headers.ETag!.Tag.ShouldStartWith($"\"{format}-");
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_problem_listing_the_valid_ones()
    {
        await using var app = ServedApp.Start();

        var response = await app.Client.GetAsync("/api/blacklist/active?format=xml");

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("detail").GetString()!.ShouldContain("'xml'");
        problem.GetProperty("detail").GetString()!.ShouldContain("plain");
        problem.GetProperty("validFormats").EnumerateArray().Select(f => f.GetString()).ShouldContain("edl");
    }

    [Fact]
    public async Task An_allowlisted_address_disappears_from_every_format()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("45.1.2.5");
        await app.BlockAsync("2a00:1450::7");
        await app.AllowAsync("45.1.2.5");

        foreach (var format in Formats.Select(row => (string)row[0]))
        {
            var body = await app.Client.GetStringAsync($"/api/blacklist/active?format={format}");
            body.ShouldContain("45.1.2.3", customMessage: format);
            body.ShouldNotContain("45.1.2.5", customMessage: format);
        }

        (await app.Client.GetStringAsync("/api/fortigate")).ShouldNotContain("45.1.2.5");
    }

    [Fact]
    public async Task Reserved_addresses_are_never_served_by_default()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("10.1.2.3");
        await app.BlockAsync("fe80::1");

        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.3"]);
    }

    [Fact]
    public async Task Reserved_addresses_are_served_when_the_operator_says_so()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().With("Blacklist:Snapshot:ServeReserved", "true"));
        await app.BlockAsync("10.1.2.3");

        (await app.Client.ActiveLinesAsync()).ShouldBe(["10.1.2.3"]);
    }

    [Fact]
    public async Task The_fortigate_feed_has_no_comments_and_keeps_the_strongest_entries_within_its_limit()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().With("Blacklist:Lists:FortiGateMaxEntries", "2"));
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("45.7.7.7");
        await app.Factory.ChangeAndWaitAsync(() => app.Client.AddManualAsync(new { cidr = "45.3.0.0/24", reason = "wide" }));

        var response = await app.Client.GetAsync("/api/fortigate");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("45.1.2.3\n45.3.0.0/24\n");
        response.Headers.GetValues("X-Entries").Single().ShouldBe("2");
        (await app.Client.ActiveLinesAsync()).Length.ShouldBe(3);
    }

    [Fact]
    public async Task Head_answers_the_headers_without_the_body()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");

        var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/blacklist/active"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldBe(9);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        response.Headers.ETag.ShouldNotBeNull();
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure(request);
        return await client.SendAsync(request);
    }

    private static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
