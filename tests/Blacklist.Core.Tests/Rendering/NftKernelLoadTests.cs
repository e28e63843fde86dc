using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

/// <summary>The nft script loads into the real kernel with Debian's nftables, in a throw-away network namespace.</summary>
public sealed class NftKernelLoadTests
{
    [NetworkNamespaceFact]
    public async Task The_script_loads_members_are_found_and_a_reload_replaces_the_list()
    {
        using var ns = await NetworkNamespace.CreateAsync();
        await LoadAsync(ns, Input(Sample));

        await ShouldHave(ns, "active-v4", "1.2.3.4", "7.7.7.5", "5.6.7.8", "10.0.0.2");
        await ShouldNotHave(ns, "active-v4", "1.2.3.5", "7.7.7.10");
        await ShouldHave(ns, "active-v6", "2001:db8::1", "2001:db8:2::2", "2001:db8:1:abcd::1");
        await ShouldNotHave(ns, "active-v6", "2001:db8::2");

        await LoadAsync(ns, Input(Set("1.2.3.5", "2001:db8::2")));
        await ShouldHave(ns, "active-v4", "1.2.3.5");
        await ShouldNotHave(ns, "active-v4", "1.2.3.4", "7.7.7.5");
        await ShouldHave(ns, "active-v6", "2001:db8::2");
        await ShouldNotHave(ns, "active-v6", "2001:db8::1");

        await LoadAsync(ns, Input(IpSet.Empty));
        await ShouldNotHave(ns, "active-v4", "1.2.3.5");
        (await ns.RunCheckedAsync("nft", "list", "set", "inet", "blacklist", "active-v4")).ShouldNotContain("elements");
    }

    [NetworkNamespaceFact]
    public async Task A_hundred_thousand_elements_load_in_one_file()
    {
        using var ns = await NetworkNamespace.CreateAsync();
        var set = IpsetKernelLoadTests.SpacedAddresses(100_000).Union(Set("2001:db8::/64", "2001:db9::5-2001:db9::9"));
        await LoadAsync(ns, Input(set));

        await ShouldHave(ns, "active-v4", "10.0.0.0", "10.3.13.62");
        await ShouldNotHave(ns, "active-v4", "10.0.0.1", "10.3.13.64");
        await ShouldHave(ns, "active-v6", "2001:db8::ffff", "2001:db9::7");

        // A second load of the same size replaces it in one transaction.
        await LoadAsync(ns, Input(set));
        await ShouldHave(ns, "active-v4", "10.3.13.62");
    }

    private static async Task LoadAsync(NetworkNamespace ns, RenderInput input)
    {
        using var script = ScriptFile.Write(ListFormat.Nft, input);
        await ns.RunCheckedAsync("nft", "-f", script.Path);
    }

    private static async Task ShouldHave(NetworkNamespace ns, string set, params string[] addresses)
    {
        foreach (var address in addresses)
        {
            var (exitCode, output) = await ns.RunAsync("nft", "get", "element", "inet", "blacklist", set, $"{{ {address} }}");
            exitCode.ShouldBe(0, $"{address} should be in {set}: {output}");
        }
    }

    private static async Task ShouldNotHave(NetworkNamespace ns, string set, params string[] addresses)
    {
        foreach (var address in addresses)
        {
            var (exitCode, output) = await ns.RunAsync("nft", "get", "element", "inet", "blacklist", set, $"{{ {address} }}");
            exitCode.ShouldNotBe(0, $"{address} should not be in {set}: {output}");
        }
    }
}
