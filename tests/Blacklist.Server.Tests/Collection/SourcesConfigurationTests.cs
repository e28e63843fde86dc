using Blacklist.Data.Hosting;
using Blacklist.Server.Collection;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Tests.Collection;

public sealed class SourcesConfigurationTests
{
    /// <summary>The registrations validation needs; nothing here opens the database.</summary>
    private static ServiceProvider Services(IConfiguration configuration)
        => new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory, ApplicationName = "blacklist" })
            .AddBlacklistData(configuration, Path.GetTempPath())
            .AddCollection(configuration)
            .BuildServiceProvider();

    [Fact]
    public void Every_bad_source_setting_is_reported_at_once_with_its_path()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Blacklist:Sources:ipsum:Kind"] = "http",
            ["Blacklist:Sources:ipsum:Url"] = "https://feeds.example/ipsum.txt",
            ["Blacklist:Sources:ipsum:Schedule"] = "*/5 * *",
            ["Blacklist:Sources:ipsum:Confidence"] = "250",
            ["Blacklist:Sources:ipsum:Guard:MaxIpv4PrefixWidth"] = "40",
            ["Blacklist:Sources:weird:Kind"] = "ftp",
            ["Blacklist:Sources:nourl:Kind"] = "http",
            ["Blacklist:Sources:local:Kind"] = "file",
            ["Blacklist:Sources:local:Path"] = "feed.csv",
            ["Blacklist:Sources:local:Format"] = "xml",
            ["Blacklist:Sources:local:Ttl"] = "forever",
            ["Blacklist:Sources:Bad Name:Kind"] = "file",
        }).Build();
        using var services = Services(configuration);

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourcesOptions>>().Value);

        var message = string.Join("\n", failure.Failures);
        message.ShouldContain("Blacklist:Sources:ipsum:Schedule: '*/5 * *' is not a cron expression");
        message.ShouldContain("Blacklist:Sources:ipsum:Confidence: '250'");
        message.ShouldContain("Blacklist:Sources:ipsum:Guard:MaxIpv4PrefixWidth: '40'");
        message.ShouldContain("Blacklist:Sources:weird:Kind: 'ftp' is not a known kind; known kinds: file, http, manual");
        message.ShouldContain("Blacklist:Sources:nourl:Url: is missing");
        message.ShouldContain("Blacklist:Sources:local:Format:");
        message.ShouldContain("Blacklist:Sources:local:Ttl: 'forever'");
        message.ShouldContain("Blacklist:Sources:Bad Name:");
        failure.Failures.Count().ShouldBe(8);
    }

    [Fact]
    public void Environment_style_overrides_switch_a_source_on()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Blacklist:Sources:ipsum:Kind"] = "http",
                ["Blacklist:Sources:ipsum:Url"] = "https://feeds.example/ipsum.txt",
                ["Blacklist:Sources:ipsum:Enabled"] = "false",
            })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Blacklist:Sources:IPSUM:Enabled"] = "true" })
            .Build();
        using var services = Services(configuration);

        var sources = services.GetRequiredService<IOptions<SourcesOptions>>().Value.Sources;

        sources.Single(s => s.Name == "ipsum").Enabled.ShouldBeTrue();
        sources.Single(s => s.Name == "ipsum").FullList.ShouldBeTrue();
        sources.Single(s => s.Name == "manual").Ttl.ShouldBe(TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task The_catalogue_ships_disabled_and_one_setting_switches_a_feed_on()
    {
        await using var factory = new BlacklistAppFactory()
            .With("Blacklist:Collection:Scheduler", "false")
            .With("Blacklist:Sources:feodo:Enabled", "true");
        var client = factory.CreateClient();

        var status = await (await client.GetAsync("/api/collection/status")).JsonAsync();
        var sources = status.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s);

        string[] catalogue = ["sample", "manual", "ipsum-level3", "ipsum-level5", "spamhaus-drop", "spamhaus-dropv6", "feodo", "blocklist-de", "cins-army", "et-compromised"];
        catalogue.ShouldAllBe(name => sources.ContainsKey(name));
        sources["feodo"].GetProperty("enabled").GetBoolean().ShouldBeTrue();
        sources["cins-army"].GetProperty("enabled").GetBoolean().ShouldBeFalse();
        sources["sample"].GetProperty("kind").GetString().ShouldBe("file");
        sources["manual"].GetProperty("kind").GetString().ShouldBe("manual");
        sources["manual"].GetProperty("ttlDays").GetDouble().ShouldBe(365);
    }
}
