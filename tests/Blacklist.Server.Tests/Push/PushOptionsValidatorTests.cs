using Blacklist.Server.Feeds;
using Blacklist.Server.Push;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Tests.Push;

public sealed class PushOptionsValidatorTests
{
    [Fact]
    public void Every_wrong_push_setting_is_reported_at_once()
    {
        var result = Validate(new Dictionary<string, string?>
        {
            ["Blacklist:Push:Retries"] = "11",
            ["Blacklist:Push:BatchSize"] = "0",
            ["Blacklist:Push:Backoff"] = "00:10:00",
            ["Blacklist:Push:MaxBackoff"] = "00:01:00",
            ["Blacklist:Push:no-url:Profile"] = "fortigate-128k",
            ["Blacklist:Push:no-url:Token"] = "k",
            ["Blacklist:Push:clear:Url"] = "http://192.0.2.1",
            ["Blacklist:Push:clear:Profile"] = "fortigate-128k",
            ["Blacklist:Push:clear:Token"] = "k",
            ["Blacklist:Push:unknown:Url"] = "https://192.0.2.2",
            ["Blacklist:Push:unknown:Profile"] = "checkpoint",
            ["Blacklist:Push:unknown:Token"] = "k",
            ["Blacklist:Push:keyless:Url"] = "https://192.0.2.3",
            ["Blacklist:Push:keyless:Profile"] = "fortigate-300k",
            ["Blacklist:Push:long:Url"] = "https://192.0.2.4",
            ["Blacklist:Push:long:Profile"] = "fortigate-300k",
            ["Blacklist:Push:long:Resource"] = new string('r', 36),
            ["Blacklist:Push:long:Token"] = "k",
            ["Blacklist:Push:long:Vdom"] = "root vdom",
            ["Blacklist:Push:off:Url"] = "https://192.0.2.5",
            ["Blacklist:Push:off:Profile"] = "fortigate-300k",
            ["Blacklist:Push:off:Enabled"] = "false",
        });

        result.Failed.ShouldBeTrue();
        var failures = result.Failures!.ToList();
        failures.Count.ShouldBe(9, string.Join("\n", failures));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:Retries", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:BatchSize", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:MaxBackoff", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:no-url:Url is missing", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:clear:Url", StringComparison.Ordinal) && f.Contains("use https", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:unknown:Profile 'checkpoint'", StringComparison.Ordinal) && f.Contains("fortigate-128k", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:keyless:Token is missing", StringComparison.Ordinal) && f.Contains("Blacklist__Push__keyless__Token", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:long:Resource", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Push:long:Vdom 'root vdom'", StringComparison.Ordinal));
        failures.ShouldNotContain(f => f.Contains(":off:", StringComparison.Ordinal), "a switched-off device needs no key");
    }

    [Fact]
    public void A_device_gets_the_api_path_and_its_vdom_and_defaults_to_the_profile_as_feed_name()
    {
        var options = Options(new Dictionary<string, string?>
        {
            ["Blacklist:Push:fw1:Url"] = "https://fw.example.org:8443/",
            ["Blacklist:Push:fw1:Profile"] = "fortigate-128k",
            ["Blacklist:Push:fw1:Token"] = "k",
            ["Blacklist:Push:fw1:Vdom"] = "dmz",
            ["Blacklist:Push:fw2:Url"] = "https://192.0.2.9/api/v2/monitor/system/external-resource/dynamic",
            ["Blacklist:Push:fw2:Profile"] = "fortigate-300k",
            ["Blacklist:Push:fw2:Resource"] = "bl",
            ["Blacklist:Push:fw2:Token"] = "k",
            ["Blacklist:Push:fw2:VerifyTls"] = "false",
        });

        var (devices, errors) = PushDeviceReader.Read(options, ["fortigate-128k", "fortigate-300k"]);

        errors.ShouldBeEmpty();
        devices.Select(d => d.Endpoint.ToString()).ShouldBe(
        [
            "https://fw.example.org:8443/api/v2/monitor/system/external-resource/dynamic?vdom=dmz",
            "https://192.0.2.9/api/v2/monitor/system/external-resource/dynamic",
        ]);
        devices.Select(d => d.Resource).ShouldBe(["fortigate-128k", "bl"]);
        devices.Select(d => d.VerifyTls).ShouldBe([true, false]);
    }

    private static ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var feeds = new FeedsOptions();
        new FeedsOptionsSetup(new ConfigurationBuilder().Build()).Configure(feeds);
        return new PushOptionsValidator(Microsoft.Extensions.Options.Options.Create(feeds)).Validate(null, Options(settings));
    }

    private static PushOptions Options(Dictionary<string, string?> settings)
    {
        var options = new PushOptions();
        new PushOptionsSetup(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Configure(options);
        return options;
    }
}
