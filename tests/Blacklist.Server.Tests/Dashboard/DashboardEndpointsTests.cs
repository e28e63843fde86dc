using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Blacklist.Server.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Blacklist.Server.Tests.Dashboard;

public sealed class DashboardEndpointsTests : IAsyncLifetime
{
    private static readonly DashboardAssets Assets = DashboardAssets.FromFiles(new Dictionary<string, byte[]>
    {
        ["index.html"] = "<!doctype html><link rel=\"stylesheet\" href=\"/assets/app.css\"><script type=\"module\" src=\"/assets/js/app.js\"></script>"u8.ToArray(),
        ["assets/app.css"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("body { color: black; } ", 100))),
        ["assets/js/app.js"] = Encoding.UTF8.GetBytes("// 대시보드\n" + string.Concat(Enumerable.Repeat("console.log('blacklist');\n", 50))),
    });

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.MapDashboard(Assets);
        _app.MapGet("/api/ping", () => "pong");
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search")]
    [InlineData("/collection")]
    [InlineData("/lists")]
    [InlineData("/feeds")]
    [InlineData("/admin")]
    [InlineData("/login")]
    public async Task Each_dashboard_route_answers_with_the_page_under_the_strict_policy(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        response.Headers.ETag.ShouldNotBeNull();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain("unsafe");
        (await response.Content.ReadAsStringAsync()).ShouldContain($"/assets/{Assets.Version}/js/app.js");
    }

    [Theory]
    [InlineData("/api/unknown")]
    [InlineData("/search/extra")]
    [InlineData("/index.html")]
    public async Task Paths_that_are_not_dashboard_routes_are_not_answered_with_the_page(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_routes_next_to_the_dashboard_still_answer()
    {
        (await _client.GetStringAsync(new Uri("/api/ping", UriKind.Relative))).ShouldBe("pong");
    }

    [Fact]
    public async Task Assets_of_the_current_version_are_cached_for_good()
    {
        using var response = await _client.GetAsync(new Uri($"/assets/{Assets.Version}/js/app.js", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/javascript; charset=utf-8");
        response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        response.Headers.CacheControl.ToString().ShouldContain("immutable");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("// 대시보드");
    }

    [Fact]
    public async Task Assets_asked_for_under_another_version_are_served_but_revalidated()
    {
        using var response = await _client.GetAsync(new Uri("/assets/0123456789ab/js/app.js", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Fact]
    public async Task A_missing_asset_is_404()
    {
        using var response = await _client.GetAsync(new Uri($"/assets/{Assets.Version}/js/nothing.js", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task The_smallest_accepted_encoding_is_sent_and_decodes_to_the_file(string accept, string? expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/assets/{Assets.Version}/app.css");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        response.Content.Headers.ContentEncoding.SingleOrDefault().ShouldBe(expected);
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        Decode(body, expected).ShouldBe(Assets.TryGet("app.css", out var css) ? css.Identity : []);
    }

    [Fact]
    public async Task A_client_holding_the_current_validator_gets_304_without_a_body()
    {
        using var first = await _client.GetAsync(new Uri("/", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await _client.SendAsync(again);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_validator_gets_the_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));

        using var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Head_gives_the_headers_without_the_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"/assets/{Assets.Version}/js/app.js");

        using var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldBe(Assets.TryGet("js/app.js", out var js) ? js.Identity.Length : -1);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    private static byte[] Decode(byte[] body, string? coding)
    {
        if (coding is null)
        {
            return body;
        }

        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
