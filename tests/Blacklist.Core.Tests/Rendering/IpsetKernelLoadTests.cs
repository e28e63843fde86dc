using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

/// <summary>The ipset script loads into the real kernel with Debian's ipset, in a throw-away network namespace.</summary>
public sealed class IpsetKernelLoadTests
{
    [NetworkNamespaceFact]
    public async Task The_script_loads_members_are_found_and_a_reload_swaps_the_list()
    {
        using var ns = await NetworkNamespace.CreateAsync();
        var name = UniqueName();
        await RestoreAsync(ns, Input(Sample, name: name));

        await ShouldHave(ns, name, "1.2.3.4", "7.7.7.1", "7.7.7.9", "5.6.200.1", "10.0.0.2");
        await ShouldNotHave(ns, name, "1.2.3.5", "7.7.7.10", "10.0.0.3");
        await ShouldHave(ns, name + "-v6", "2001:db8::1", "2001:db8:2::3", "2001:db8:1:ffff::1");
        await ShouldNotHave(ns, name + "-v6", "2001:db8::2", "2001:db8:2::4");

        // The sets live in the namespace only, so the host's firewall is never touched.
        var (_, hostSets) = await Blacklist.Testing.ExternalProcess.RunAsync("ipset", ["list", "-n"]);
        hostSets.ShouldNotContain(name);

        await RestoreAsync(ns, Input(Set("1.2.3.5", "2001:db8::2"), name: name));
        await ShouldHave(ns, name, "1.2.3.5");
        await ShouldNotHave(ns, name, "1.2.3.4", "7.7.7.5");
        await ShouldHave(ns, name + "-v6", "2001:db8::2");
        await ShouldNotHave(ns, name + "-v6", "2001:db8::1");
        (await ns.RunCheckedAsync("ipset", "list", "-n")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe([name, name + "-v6"], ignoreOrder: true, "the temporary sets are gone after the swap");

        await RestoreAsync(ns, Input(IpSet.Empty, name: name));
        await ShouldNotHave(ns, name, "1.2.3.5");
        await ShouldNotHave(ns, name + "-v6", "2001:db8::2");
    }

    [NetworkNamespaceFact]
    public async Task A_hundred_thousand_entries_load_with_maxelem_to_hold_them()
    {
        using var ns = await NetworkNamespace.CreateAsync();
        var name = UniqueName();
        var input = Input(SpacedAddresses(100_000), name: name);
        ListRenderers.CountEntries(ListFormat.Ipset, input.Set).ShouldBe(100_000);

        await RestoreAsync(ns, input);

        var header = await ns.RunCheckedAsync("ipset", "list", name, "-t");
        header.ShouldContain("maxelem 262144");
        header.ShouldContain("Number of entries: 100000");
        await ShouldHave(ns, name, "10.0.0.0", "10.3.13.62");
        await ShouldNotHave(ns, name, "10.0.0.1", "10.3.13.64");
    }

    [NetworkNamespaceFact]
    public async Task When_maxelem_changes_the_load_stops_before_any_change_and_the_documented_recovery_works()
    {
        using var ns = await NetworkNamespace.CreateAsync();
        var name = UniqueName();
        await RestoreAsync(ns, Input(Set("1.2.3.4"), name: name));

        using var bigger = ScriptFile.Write(ListFormat.Ipset, Input(SpacedAddresses(70_000), name: name));
        var (exitCode, output) = await ns.RunAsync("ipset", "restore", "-file", bigger.Path);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("set with the same name already exists");
        await ShouldHave(ns, name, "1.2.3.4");
        (await ns.RunCheckedAsync("ipset", "list", "-n")).ShouldNotContain("-tmp", customMessage: "nothing was changed");

        // The header's advice: load once without the line ipset names.
        var failedLine = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"Error in line (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var lines = File.ReadAllLines(bigger.Path).Where((_, i) => i != failedLine - 1);
        using var recovery = ScriptFile.Write(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        await ns.RunCheckedAsync("ipset", "restore", "-file", recovery.Path);
        (await ns.RunCheckedAsync("ipset", "list", name, "-t")).ShouldContain("maxelem 262144");
        await ShouldNotHave(ns, name, "1.2.3.4");
        await ShouldHave(ns, name, "10.0.0.0");
    }

    [NetworkNamespaceFact]
    public async Task The_whole_address_space_loads_as_two_halves()
    {
        using var ns = await NetworkNamespace.CreateAsync();
        var name = UniqueName();
        await RestoreAsync(ns, Input(Set("0.0.0.0/0", "::/0"), name: name));
        await ShouldHave(ns, name, "0.0.0.0", "127.255.255.255", "128.0.0.0", "255.255.255.255");
        await ShouldHave(ns, name + "-v6", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    }

    /// <summary>Every other address from 10.0.0.0: nothing merges, so each is one entry.</summary>
    internal static IpSet SpacedAddresses(int count)
    {
        var builder = new IpSetBuilder();
        var first = Range("10.0.0.0").First;
        for (var i = 0; i < count; i++)
        {
            var address = (uint)first + (uint)(2 * i);
            builder.AddV4(address, address);
        }

        return builder.Build();
    }

    private static string UniqueName() => "bltest" + Guid.NewGuid().ToString("N")[..8];

    private static async Task RestoreAsync(NetworkNamespace ns, RenderInput input)
    {
        using var script = ScriptFile.Write(ListFormat.Ipset, input);
        await ns.RunCheckedAsync("ipset", "restore", "-file", script.Path);
    }

    private static async Task ShouldHave(NetworkNamespace ns, string set, params string[] addresses)
    {
        foreach (var address in addresses)
        {
            var (exitCode, output) = await ns.RunAsync("ipset", "test", set, address);
            exitCode.ShouldBe(0, $"{address} should be in {set}: {output}");
        }
    }

    private static async Task ShouldNotHave(NetworkNamespace ns, string set, params string[] addresses)
    {
        foreach (var address in addresses)
        {
            var (exitCode, output) = await ns.RunAsync("ipset", "test", set, address);
            exitCode.ShouldNotBe(0, $"{address} should not be in {set}: {output}");
            output.ShouldContain("is NOT in set");
        }
    }
}
