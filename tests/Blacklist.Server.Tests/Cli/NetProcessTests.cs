using Blacklist.Server.Tests.Cli.Net;

namespace Blacklist.Server.Tests.Cli;

/// <summary>The real `blacklist` executable: `net merge` against Python's ipaddress module as the oracle.</summary>
public sealed class NetProcessTests : IDisposable
{
    /// <summary>Reads the first token of every non-comment line, collapses per family, prints v4 then v6.</summary>
    private const string CollapseScript = """
        import ipaddress, sys
        nets = {4: [], 6: []}
        for line in open(sys.argv[1], encoding="utf-8"):
            line = line.split("#")[0].split(";")[0].strip()
            if line:
                net = ipaddress.ip_network(line.split()[0], strict=False)
                nets[net.version].append(net)
        for version in (4, 6):
            for net in ipaddress.collapse_addresses(nets[version]):
                print(net)
        """;

    private readonly TempFeedFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Merge_of_the_ipsum_feed_equals_python_collapse_addresses()
    {
        var feed = ChildProcess.TestData("ipsum-2026-08-22.txt");

        var merged = await ChildProcess.BlacklistAsync(null, "net", "merge", feed);
        var oracle = await Python(feed);

        merged.ExitCode.ShouldBe(0, merged.Error);
        merged.Error.ShouldBeEmpty();
        merged.Lines.Length.ShouldBeGreaterThan(1000);
        merged.Lines.ShouldBe(WithoutHostPrefixes(oracle.Lines));
    }

    [Fact]
    public async Task Merge_of_mixed_families_and_forms_equals_python_collapse_addresses()
    {
        var random = new Random(2542);
        var lines = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var v4 = $"10.{random.Next(4)}.{random.Next(256)}.{random.Next(256)}";
            lines.Add(random.Next(10) switch
            {
                0 => $"{v4}/{random.Next(20, 33)}",
                1 => $"2001:db8:{random.Next(4):x}::{random.Next(65536):x}/{random.Next(100, 129)}",
                2 => $"2001:db8:{random.Next(4):x}::{random.Next(65536):x}",
                _ => v4,
            });
        }

        var feed = _files.Write("mixed.txt", [.. lines]);

        var merged = await ChildProcess.BlacklistAsync(null, "net", "merge", feed);
        var oracle = await Python(feed);

        merged.ExitCode.ShouldBe(0, merged.Error);
        merged.Lines.ShouldBe(WithoutHostPrefixes(oracle.Lines));
    }

    [Fact]
    public async Task The_executable_reads_stdin_reports_bad_lines_and_sets_exit_codes()
    {
        var ok = await ChildProcess.BlacklistAsync("10.0.0.1\n10.0.0.0\nbogus\n", "net", "merge", "-");
        var missing = await ChildProcess.BlacklistAsync(null, "net", "merge", _files.PathOf("missing.txt"));

        ok.ExitCode.ShouldBe(0);
        ok.Output.ShouldBe("10.0.0.0/31\n");
        ok.Error.ShouldStartWith("stdin:3: ");
        missing.ExitCode.ShouldBe(1);
        missing.Output.ShouldBeEmpty();
        missing.Error.ShouldContain("cannot read");
    }

    private async Task<NetResult> Python(string feed)
    {
        var script = _files.Write("collapse.py", CollapseScript);
        var result = await ChildProcess.RunAsync("python3", [script, feed]);
        result.ExitCode.ShouldBe(0, $"python3 (installed by scripts/test-deps.sh) failed: {result.Error}");
        return result;
    }

    /// <summary>Python writes one address as /32 or /128; blacklist writes it bare, like iprange.</summary>
    private static string[] WithoutHostPrefixes(string[] lines)
        => [.. lines.Select(l => l.EndsWith("/32", StringComparison.Ordinal) && !l.Contains(':', StringComparison.Ordinal) ? l[..^3] : l.EndsWith("/128", StringComparison.Ordinal) ? l[..^4] : l)];
}
