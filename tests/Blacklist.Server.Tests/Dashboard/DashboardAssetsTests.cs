using System.Text;
using System.Text.RegularExpressions;
using Blacklist.Server.Dashboard;

namespace Blacklist.Server.Tests.Dashboard;

public sealed partial class DashboardAssetsTests
{
    private static readonly DashboardAssets Embedded = DashboardAssets.LoadEmbedded(typeof(DashboardEndpoints).Assembly);

    [Fact]
    public void The_page_refers_to_assets_under_the_current_version_only()
    {
        var html = Encoding.UTF8.GetString(Embedded.Index.Identity);

        html.ShouldContain($"\"/assets/{Embedded.Version}/js/app.js\"");
        html.ShouldNotContain("\"/assets/js/");
        foreach (Match reference in AssetReference().Matches(html))
        {
            Embedded.TryGet(reference.Groups["path"].Value, out _).ShouldBeTrue($"index.html refers to a missing asset: {reference.Value}");
        }
    }

    [Fact]
    public void Every_module_import_resolves_to_an_embedded_asset()
    {
        var scripts = ScriptPaths().ToList();
        scripts.ShouldContain("js/app.js");
        foreach (var script in scripts)
        {
            Embedded.TryGet(script, out var asset).ShouldBeTrue();
            var source = Encoding.UTF8.GetString(asset.Identity);
            foreach (Match import in ModuleImport().Matches(source))
            {
                var target = Resolve(script, import.Groups["path"].Value);
                Embedded.TryGet(target, out _).ShouldBeTrue($"{script} imports {import.Groups["path"].Value}, which is not embedded as {target}");
            }
        }
    }

    [Fact]
    public void Client_routes_are_exactly_the_routes_the_server_answers_with_the_page()
    {
        Embedded.TryGet("js/routes.js", out var routes).ShouldBeTrue();
        var clientPaths = RoutePath().Matches(Encoding.UTF8.GetString(routes.Identity)).Select(m => m.Groups["path"].Value);

        clientPaths.Order(StringComparer.Ordinal).ShouldBe(DashboardEndpoints.PageRoutes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nothing_in_the_page_or_scripts_needs_an_unsafe_content_security_policy()
    {
        var html = Encoding.UTF8.GetString(Embedded.Index.Identity);
        InlineScript().IsMatch(html).ShouldBeFalse("index.html must not contain inline script");
        html.ShouldNotContain("style=", Case.Insensitive);
        html.ShouldNotContain("<style", Case.Insensitive);
        foreach (var script in ScriptPaths())
        {
            Embedded.TryGet(script, out var asset).ShouldBeTrue();
            // The SVG namespace is a name, not a resource.
            var source = Encoding.UTF8.GetString(asset.Identity).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
            source.ShouldNotContain(".innerHTML", Case.Sensitive, $"{script}: build elements with dom.js, not markup");
            source.ShouldNotContain(".outerHTML =", Case.Sensitive, script);
            source.ShouldNotContain("insertAdjacentHTML", Case.Sensitive, script);
            source.ShouldNotContain("document.write", Case.Sensitive, script);
            source.ShouldNotContain("eval(", customMessage: script);
            source.ShouldNotContain("new Function", customMessage: script);
            source.ShouldNotContain("http://", customMessage: $"{script}: no external resources");
            source.ShouldNotContain("https://", customMessage: $"{script}: no external resources");
        }
    }

    [Fact]
    public void The_version_changes_when_any_asset_changes_and_not_otherwise()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["index.html"] = "<script type=\"module\" src=\"/assets/js/app.js\"></script>"u8.ToArray(),
            ["assets/js/app.js"] = "import './a.js';"u8.ToArray(),
            ["assets/js/a.js"] = "export const a = 1;"u8.ToArray(),
        };
        var first = DashboardAssets.FromFiles(files);
        var same = DashboardAssets.FromFiles(files.Reverse());
        files["assets/js/a.js"] = "export const a = 2;"u8.ToArray();
        var changed = DashboardAssets.FromFiles(files);

        same.Version.ShouldBe(first.Version);
        changed.Version.ShouldNotBe(first.Version);
        Encoding.UTF8.GetString(changed.Index.Identity).ShouldBe($"<script type=\"module\" src=\"/assets/{changed.Version}/js/app.js\"></script>");
    }

    [Fact]
    public void A_build_without_the_page_fails_with_a_message_that_says_what_is_missing()
    {
        var error = Should.Throw<InvalidOperationException>(() => DashboardAssets.FromFiles([new("assets/js/app.js", [1])]));

        error.Message.ShouldContain("index.html");
        error.Message.ShouldContain("wwwroot");
    }

    private static IEnumerable<string> ScriptPaths()
    {
        foreach (var name in typeof(DashboardEndpoints).Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith("wwwroot/assets/", StringComparison.Ordinal) && name.EndsWith(".js", StringComparison.Ordinal))
            {
                yield return name["wwwroot/assets/".Length..];
            }
        }
    }

    private static string Resolve(string from, string relative)
    {
        var parts = from.Split('/').SkipLast(1).ToList();
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex("\"/assets/[0-9a-f]+/(?<path>[^\"]+)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(?<path>\.{1,2}/[^']+)'")]
    private static partial Regex ModuleImport();

    [GeneratedRegex(@"\bpath:\s*'(?<path>/[^']*)'")]
    private static partial Regex RoutePath();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
