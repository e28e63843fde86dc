using Blacklist.Server.Tests.Cli.Net;

namespace Blacklist.Server.Tests.Cli;

/// <summary>`blacklist net merge` in-process: every mode on small inputs whose answer is known.</summary>
public sealed class NetCommandTests : IDisposable
{
    private readonly TempFeedFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Merge_prints_the_minimal_cidr_list_with_single_addresses_bare()
    {
        var feed = _files.Write("feed.txt",
            "# a comment",
            "10.0.1.0/24",
            "192.0.2.5",
            "10.0.0.0/24 ; adjacent to the block above",
            "192.0.2.6-192.0.2.9",
            "",
            "2001:db8::1",
            "2001:db8::/127",
            "::ffff:198.51.100.7",
            "192.0.2.5");

        var result = await NetRun.InvokeAsync(null, "merge", feed);

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        result.Lines.ShouldBe(["10.0.0.0/23", "192.0.2.5", "192.0.2.6/31", "192.0.2.8/31", "198.51.100.7", "2001:db8::/127"]);
    }

    [Fact]
    public async Task Ranges_prints_merged_first_last_pairs_like_iprange_print_ranges()
    {
        var feed = _files.Write("feed.txt", "10.0.1.0/24", "10.0.0.0/24", "192.0.2.5", "2001:db8::/126");

        var result = await NetRun.InvokeAsync(null, "merge", "--ranges", feed);

        result.Lines.ShouldBe(["10.0.0.0-10.0.1.255", "192.0.2.5-192.0.2.5", "2001:db8::-2001:db8::3"]);
    }

    [Fact]
    public async Task Except_removes_the_union_of_every_excluded_file()
    {
        var feed = _files.Write("feed.txt", "10.0.0.0/24", "2001:db8::/126");
        var allow1 = _files.Write("allow1.txt", "10.0.0.0/25");
        var allow2 = _files.Write("allow2.txt", "10.0.0.200", "2001:db8::3");

        var result = await NetRun.InvokeAsync(null, "merge", feed, "--except", allow1, allow2);

        result.ExitCode.ShouldBe(0);
        result.Lines.ShouldBe(["10.0.0.128/26", "10.0.0.192/29", "10.0.0.201", "10.0.0.202/31", "10.0.0.204/30", "10.0.0.208/28", "10.0.0.224/27", "2001:db8::/127", "2001:db8::2"]);
    }

    [Fact]
    public async Task Common_keeps_only_addresses_found_in_every_input()
    {
        var a = _files.Write("a.txt", "10.0.0.0/24", "192.0.2.1", "2001:db8::/64");
        var b = _files.Write("b.txt", "10.0.0.128-10.0.1.255", "192.0.2.1", "2001:db8::5");
        var c = _files.Write("c.txt", "10.0.0.0/8", "2001:db8::/32");

        var result = await NetRun.InvokeAsync(null, "merge", "--common", a, b, c);

        result.Lines.ShouldBe(["10.0.0.128/25", "2001:db8::5"]);
    }

    [Fact]
    public async Task Common_then_except_combine()
    {
        var a = _files.Write("a.txt", "10.0.0.0/30");
        var b = _files.Write("b.txt", "10.0.0.0/29");
        var allow = _files.Write("allow.txt", "10.0.0.0");

        var result = await NetRun.InvokeAsync(null, "merge", "--common", a, b, "--except", allow);

        result.Lines.ShouldBe(["10.0.0.1", "10.0.0.2/31"]);
    }

    [Fact]
    public async Task Count_prints_entries_ranges_cidrs_and_unique_addresses_per_family()
    {
        var feed = _files.Write("feed.txt", "10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.0.1", "2001:db8::/64", "2001:db8::/64");

        var result = await NetRun.InvokeAsync(null, "merge", "--count", feed);

        result.Lines.ShouldBe([
            "family,entries,ranges,cidrs,unique_ips",
            "ipv4,4,1,2,768",
            "ipv6,2,1,1,18446744073709551616",
        ]);
    }

    [Fact]
    public async Task Standard_input_is_read_for_a_dash_and_when_no_file_is_named()
    {
        var allow = _files.Write("allow.txt", "10.0.0.1");

        var dash = await NetRun.InvokeAsync("10.0.0.1\n10.0.0.0\n", "merge", "-");
        var implicitStdin = await NetRun.InvokeAsync("10.0.0.1\n10.0.0.0\n", "merge", "--except", allow);

        dash.Lines.ShouldBe(["10.0.0.0/31"]);
        implicitStdin.Lines.ShouldBe(["10.0.0.0"]);
    }

    [Fact]
    public async Task Rejected_lines_are_reported_as_file_line_message_and_the_good_lines_still_count()
    {
        var feed = _files.Write("broken.txt", "10.0.0.1", "10.0.0.300", "not-an-address", "10.0.0.2", "10.0.0.77/30");

        var result = await NetRun.InvokeAsync("192.0.2.999\n", "merge", feed, "-");

        result.ExitCode.ShouldBe(0);
        result.Lines.ShouldBe(["10.0.0.1", "10.0.0.2", "10.0.0.76/30"]);
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Length.ShouldBe(4);
        errors[0].ShouldStartWith($"{feed}:2: ");
        errors[0].ShouldContain("over 255");
        errors[1].ShouldStartWith($"{feed}:3: ");
        errors[2].ShouldStartWith($"{feed}:5: warning: ");
        errors[2].ShouldContain("host bits");
        errors[3].ShouldStartWith("stdin:1: ");
    }

    [Fact]
    public async Task An_unreadable_file_fails_with_exit_code_1_and_prints_nothing()
    {
        var feed = _files.Write("feed.txt", "10.0.0.1");
        var missing = _files.PathOf("missing.txt");

        var result = await NetRun.InvokeAsync(null, "merge", feed, missing);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain($"cannot read '{missing}'");
    }

    [Fact]
    public async Task A_directory_is_an_unreadable_input()
    {
        var result = await NetRun.InvokeAsync(null, "merge", Path.GetTempPath());

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("cannot read");
    }

    [Fact]
    public async Task Usage_errors_fail_with_a_message_that_says_what_to_do()
    {
        var feed = _files.Write("feed.txt", "10.0.0.1");

        var unknownFormat = await NetRun.InvokeAsync(null, "merge", "--format", "nope", feed);
        var both = await NetRun.InvokeAsync(null, "merge", "--ranges", "--count", feed);
        var twice = await NetRun.InvokeAsync("", "merge", "-", "--except", "-");

        unknownFormat.ExitCode.ShouldBe(1);
        unknownFormat.Error.ShouldContain("known formats: plain");
        unknownFormat.Error.ShouldNotContain("Parameter");
        both.ExitCode.ShouldBe(1);
        both.Error.ShouldContain("choose one");
        twice.ExitCode.ShouldBe(1);
        twice.Error.ShouldContain("name the inputs before --except");
    }

    [Fact]
    public async Task The_format_option_picks_the_parser()
    {
        var drop = _files.Write("drop.txt", "; Spamhaus DROP List", "192.0.2.0/24 ; SBL123", "198.51.100.0/24 ; SBL456");
        var ipsum = _files.Write("ipsum.txt", "# ipsum", "192.0.2.1\t3", "192.0.2.2\t5");

        (await NetRun.InvokeAsync(null, "merge", "--format", "spamhaus-drop", drop)).Lines.ShouldBe(["192.0.2.0/24", "198.51.100.0/24"]);
        (await NetRun.InvokeAsync(null, "merge", "--format", "ipsum", ipsum)).Lines.ShouldBe(["192.0.2.1", "192.0.2.2"]);
    }

    [Fact]
    public async Task Empty_input_prints_nothing_and_succeeds()
    {
        var empty = _files.Write("empty.txt", "# nothing here");

        var result = await NetRun.InvokeAsync(null, "merge", empty);

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldBeEmpty();
        (await NetRun.InvokeAsync(null, "merge", "--count", empty)).Lines.ShouldBe(["family,entries,ranges,cidrs,unique_ips", "ipv4,0,0,0,0", "ipv6,0,0,0,0"]);
    }

    [Fact]
    public async Task Large_outputs_come_through_whole_and_sorted()
    {
        // More than one output buffer of lines; addresses four apart, so nothing merges.
        var sorted = Enumerable.Range(0, 40_000).Select(i => $"10.{i >> 14}.{(i >> 6) & 255}.{(i & 63) * 4}").ToArray();
        var shuffled = sorted.ToArray();
        new Random(7).Shuffle(shuffled);
        var feed = _files.Write("big.txt", shuffled);

        var result = await NetRun.InvokeAsync(null, "merge", feed);

        result.Lines.ShouldBe(sorted);
    }
}
