using Blacklist.Data.Contracts;

namespace Blacklist.Server.Api.Sources;

/// <summary>
/// Records who changed a source's secrets and when — never the values. The change is kept as
/// the setting <c>sources.{name}.credentials</c> / <c>sources.{name}.session</c> (the settings
/// store audits every change with actor, time and before → after).
/// </summary>
internal sealed class SourceSecretsAudit(ISettingsStore settings, TimeProvider time)
{
    public Task CredentialsAsync(string source, bool set, string actor, CancellationToken cancellationToken)
        => settings.SetAsync($"sources.{source}.credentials", $"{(set ? "set" : "deleted")} at {time.GetUtcNow():O}", actor, cancellationToken);

    public Task SessionAsync(string source, DateTimeOffset? expiresAt, string actor, CancellationToken cancellationToken)
        => settings.SetAsync(
            $"sources.{source}.session",
            expiresAt is { } at ? $"pasted at {time.GetUtcNow():O}, expires {at:O}" : $"deleted at {time.GetUtcNow():O}",
            actor,
            cancellationToken);
}
