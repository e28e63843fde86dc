using Blacklist.Collectors.Tests.Regtech;
using Blacklist.Collectors.Tests.Secudium;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Sources;

/// <summary>The fake REGTECH and SECUDIUM portals on loopback, and a host whose regtech and secudium sources point at them.</summary>
internal static class PortalSourcesFixture
{
    public static readonly FakeAdvisory[] Advisories =
    [
        new("203.0.113.10", "CN", "SSH 무차별 대입", new DateOnly(2026, 8, 20), new DateOnly(2026, 11, 20)),
        new("198.51.100.7", "KR", "웹 취약점 스캔", new DateOnly(2026, 8, 21)),
    ];

    /// <summary>A host with the scheduler off (only the test's triggers run) and polite delays at zero.</summary>
    public static BlacklistAppFactory Factory(FakeRegtechServer regtech, FakeSecudiumServer secudium, string? dataDirectory = null)
    {
        var factory = new BlacklistAppFactory(dataDirectory).With("Blacklist:Collection:Scheduler", "false");
        foreach (var (source, url) in new[] { ("regtech", regtech.BaseUrl), ("secudium", secudium.BaseUrl) })
        {
            var prefix = $"Blacklist:Sources:{source}:";
            factory.With(prefix + "Enabled", "true")
                .With(prefix + "BaseUrl", url.AbsoluteUri)
                .With(prefix + "MinRequestInterval", "00:00:00")
                .With(prefix + "RetryDelay", "00:00:00")
                .With(prefix + "MaxRetries", "0");
        }

        regtech.Clock = factory.Time;
        return factory;
    }

    public static async Task<(FakeRegtechServer Regtech, FakeSecudiumServer Secudium)> StartPortalsAsync()
    {
        var regtech = await FakeRegtechServer.StartNewAsync();
        regtech.Advisories.AddRange(Advisories);
        var secudium = await FakeSecudiumServer.StartNewAsync();
        secudium.BlackIps.AddRange(Advisories);
        return (regtech, secudium);
    }
}
