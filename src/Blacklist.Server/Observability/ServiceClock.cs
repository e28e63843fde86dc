using System.Reflection;

namespace Blacklist.Server.Observability;

/// <summary>When this process started serving, and the version it runs.</summary>
internal sealed class ServiceClock(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public TimeSpan Uptime => time.GetUtcNow() - StartedAt;

    public static string Version { get; } =
        typeof(ServiceClock).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ServiceClock).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
