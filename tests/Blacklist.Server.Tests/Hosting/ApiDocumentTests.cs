using System.Net;
using System.Text.RegularExpressions;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Hosting;

public sealed partial class ApiDocumentTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_http_contract()
    {
        await using var app = ServedApp.Start();

        var document = await (await app.Client.GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/health");
        paths.ShouldContain("/ready");
        paths.ShouldContain("/api/blacklist/active");
        paths.ShouldContain("/api/fortigate");
        paths.ShouldContain("/api/search/{ip}");
        paths.ShouldContain("/api/search");
        paths.ShouldContain("/api/stats");
        paths.ShouldContain("/api/blacklist/manual");
        paths.ShouldContain("/api/blacklist/manual/{id}");
        paths.ShouldContain("/api/allowlist");
        paths.ShouldContain("/api/audit");
    }

    [Fact]
    public async Task The_api_reference_page_loads_its_script_from_the_service_not_a_cdn()
    {
        await using var app = ServedApp.Start();

        var page = await app.Client.GetAsync("/scalar");
        var html = await page.Content.ReadAsStringAsync();

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        scripts.ShouldNotBeEmpty();
        scripts.ShouldAllBe(src => !src.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !src.StartsWith("//", StringComparison.Ordinal));
        foreach (var src in scripts)
        {
            var script = await app.Client.GetAsync(new Uri(new Uri("http://localhost/scalar/"), src));
            script.StatusCode.ShouldBe(HttpStatusCode.OK, src);
            (await script.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000, src);
        }
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
