using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

public sealed class IpsetRenderingTests
{
    [Fact]
    public void The_script_fills_temporary_hash_net_sets_and_swaps_them_in()
    {
        Text(ListFormat.Ipset, Input(Sample)).ShouldBe(
            """
            # active, version 42, generated 2026-08-22T10:15:00Z: 12 entries
            # Load with: ipset restore < FILE. Sets: active (IPv4), active-v6 (IPv6).
            # If a 'create ... -exist' line fails because the set exists, that set has another maxelem:
            # load once without that line (sed 'Nd' FILE | ipset restore, N as ipset reports it); the swap replaces it.
            create active hash:net family inet hashsize 1024 maxelem 65536 -exist
            create active-v6 hash:net family inet6 hashsize 1024 maxelem 65536 -exist
            destroy active-tmp -exist
            create active-tmp hash:net family inet hashsize 1024 maxelem 65536
            add active-tmp 1.2.3.4
            add active-tmp 5.6.0.0/16
            add active-tmp 7.7.7.1
            add active-tmp 7.7.7.2/31
            add active-tmp 7.7.7.4/30
            add active-tmp 7.7.7.8/31
            add active-tmp 10.0.0.0/31
            add active-tmp 10.0.0.2
            destroy active-v6-tmp -exist
            create active-v6-tmp hash:net family inet6 hashsize 1024 maxelem 65536
            add active-v6-tmp 2001:db8::1
            add active-v6-tmp 2001:db8:1::/48
            add active-v6-tmp 2001:db8:2::1
            add active-v6-tmp 2001:db8:2::2/127
            swap active-tmp active
            swap active-v6-tmp active-v6
            destroy active-tmp
            destroy active-v6-tmp

            """);
    }

    [Fact]
    public void A_cap_is_noted_in_the_header()
        => Text(ListFormat.Ipset, Input(Sample, totalBeforeCap: 70_000)).ShouldStartWith(
            "# active, version 42, generated 2026-08-22T10:15:00Z: 12 entries\n# capped: 12 of 70000 entries served, 69988 dropped\n# Load with:");

    [Fact]
    public void The_whole_space_becomes_two_halves_because_hash_net_refuses_a_zero_prefix()
    {
        var lines = Text(ListFormat.Ipset, Input(Set("0.0.0.0/0", "::/0"))).Split('\n');
        lines.Where(l => l.StartsWith("add ", StringComparison.Ordinal)).ShouldBe(
            ["add active-tmp 0.0.0.0/1", "add active-tmp 128.0.0.0/1", "add active-v6-tmp ::/1", "add active-v6-tmp 8000::/1"]);
        ListRenderers.CountEntries(ListFormat.Ipset, Set("0.0.0.0/0", "::/0")).ShouldBe(4);
    }

    [Fact]
    public void An_empty_list_still_creates_and_swaps_both_sets_so_a_reload_empties_them()
    {
        var text = Text(ListFormat.Ipset, Input(IpSet.Empty));
        text.ShouldContain("create active-tmp hash:net family inet hashsize 1024 maxelem 65536\n");
        text.ShouldContain("swap active-tmp active\nswap active-v6-tmp active-v6\n");
        text.ShouldNotContain("add ");
    }

    [Theory]
    [InlineData(0, 65_536, 1024)]
    [InlineData(65_536, 65_536, 16_384)]
    [InlineData(65_537, 262_144, 32_768)]
    [InlineData(100_000, 262_144, 32_768)]
    [InlineData(1_000_000, 1_048_576, 262_144)]
    [InlineData(1_048_577, 4_194_304, 524_288)]
    public void Maxelem_holds_the_entries_in_coarse_steps_and_hashsize_is_a_power_of_two(long entries, long maxElements, long hashSize)
    {
        HashNetSizing.MaxElements(entries).ShouldBe(maxElements);
        HashNetSizing.HashSize(entries).ShouldBe(hashSize);
    }

    [Theory]
    [InlineData("active", "active", "active-v6", "active-v6-tmp")]
    [InlineData("fortigate 128k", "fortigate_128k", "fortigate_128k-v6", "fortigate_128k-v6-tmp")]
    [InlineData("128k", "bl_128k", "bl_128k-v6", "bl_128k-v6-tmp")]
    [InlineData("", "blacklist", "blacklist-v6", "blacklist-v6-tmp")]
    [InlineData("a-very-long-profile-name-for-one-device", "a-very-long-profile-name", "a-very-long-profile-name-v6", "a-very-long-profile-name-v6-tmp")]
    [InlineData("네트워크;rm -rf /", "rm_-rf", "rm_-rf-v6", "rm_-rf-v6-tmp")]
    public void Set_names_are_safe_and_fit_ipset_31_byte_limit(string listName, string v4, string v6, string v6Temporary)
    {
        FirewallSetNames.Ipset(listName, IpFamily.V4).ShouldBe(v4);
        FirewallSetNames.Ipset(listName, IpFamily.V6).ShouldBe(v6);
        FirewallSetNames.IpsetTemporary(listName, IpFamily.V6).ShouldBe(v6Temporary);
        v6Temporary.Length.ShouldBeLessThanOrEqualTo(31);
    }
}
