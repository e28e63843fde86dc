using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Polite;
using Blacklist.Collectors.Tests.Feeds;
using Blacklist.Core.Sources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Collectors.Tests.Credentials;

/// <summary>
/// The portal collectors as the service composes them (AddRegtechAndSecudium), with a fake
/// clock (2026-08-20 12:00 in Korea), an in-memory state store, a per-test Data Protection
/// key ring and every log line captured.
/// </summary>
internal sealed class PortalHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 8, 20, 3, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public PortalHarness(MemorySourceState? state = null, IDataProtectionProvider? protection = null)
    {
        State = state ?? new MemorySourceState();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ISourceStateStore>(State);
        services.AddSingleton(protection ?? new EphemeralDataProtectionProvider());
        services.AddRegtechAndSecudium();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public MemorySourceState State { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public SourceCredentialStore Credentials => _services.GetRequiredService<SourceCredentialStore>();

    public AuthFailureLockout Lockout => _services.GetRequiredService<AuthFailureLockout>();

    public IDataProtectionProvider Protection => _services.GetRequiredService<IDataProtectionProvider>();

    public ISourceCollector Collector(string kind) => _services.GetServices<ISourceCollector>().Single(c => c.Kind == kind);

    /// <summary>A run of source <paramref name="source"/> with its settings (keys under Blacklist:Sources:{source}).</summary>
    public static CollectionContext Context(
        string source,
        IReadOnlyDictionary<string, string?> settings,
        IReadOnlyDictionary<string, string>? parameters = null,
        RunTrigger trigger = RunTrigger.Scheduled)
    {
        var prefix = $"Blacklist:Sources:{source}:";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(prefix + s.Key, s.Value)))
            .Build();
        return new CollectionContext(source, configuration.GetSection($"Blacklist:Sources:{source}"), parameters ?? new Dictionary<string, string>(), trigger);
    }

    /// <summary>Settings that make a portal source fast in tests: no pauses, quick retries.</summary>
    public static Dictionary<string, string?> FastSettings(string kind, Uri baseUrl) => new()
    {
        ["Kind"] = kind,
        ["BaseUrl"] = baseUrl.AbsoluteUri,
        ["MinRequestInterval"] = "00:00:00",
        ["RetryDelay"] = "00:00:00",
        ["MaxRetries"] = "2",
        ["Timeout"] = "00:00:30",
    };

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
