using Blacklist.Core.Feeds;
using Blacklist.Core.Rendering;
using Blacklist.Core.Tests.Rendering;

namespace Blacklist.Core.Tests.Feeds;

/// <summary>The ready-made ipset profile, fitted to the 1,000,000-entry list, loads into the kernel's default-sized set.</summary>
public sealed class ReadyMadeIpsetLoadTests
{
    [NetworkNamespaceFact]
    public async Task The_ipset_profile_of_a_million_entries_restores_into_a_set_of_the_default_maxelem()
    {
        var profile = ReadyMadeProfiles.All.Single(p => p.Format == ListFormat.Ipset);
        var fitted = FeedFitter.Fit(FeedData.OneMillion, profile);
        fitted.Capped.ShouldBeTrue();
        var name = "blfeed" + Guid.NewGuid().ToString("N")[..8];
        var input = new RenderInput(fitted.Set) { Name = name, Version = 1, GeneratedAt = FeedData.Now, TotalBeforeCap = fitted.TotalEntries };

        using var ns = await NetworkNamespace.CreateAsync();
        using var script = ScriptFile.Write(ListFormat.Ipset, input);
        await ns.RunCheckedAsync("ipset", "restore", "-file", script.Path);

        var header = await ns.RunCheckedAsync("ipset", "list", name, "-t");
        header.ShouldContain("maxelem 65536");
        header.ShouldContain($"Number of entries: {fitted.ServedEntries}");
        fitted.ServedEntries.ShouldBeLessThanOrEqualTo(profile.MaxEntries!.Value);
        var first = fitted.Set.Ranges().First();
        (await ns.RunAsync("ipset", "test", name, Blacklist.Core.Addresses.IpFormat.FormatAddress(first.Family, first.First))).ExitCode.ShouldBe(0);
    }
}
