using System.Globalization;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Polite;
using Blacklist.Server.Collection;

namespace Blacklist.Server.Api.Sources;

/// <summary>
/// What /api/collection/status adds for a regtech or secudium source: whether credentials are
/// set (and where from), the last login, a reusable session's expiry, and a login pause.
/// </summary>
internal sealed class PortalSourceStatusContributor(string kind, SourceCredentialStore credentials, AuthFailureLockout lockout, TimeProvider time)
    : ISourceStatusContributor
{
    public string Kind => kind;

    public async Task<SourceStatusExtras> GetAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var status = await credentials.GetStatusAsync(source.Name, source.Settings, cancellationToken);
        var state = await lockout.GetStateAsync(source.Name, cancellationToken);
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["credentials"] = status.Origin ?? "not set",
            ["lastLogin"] = status.LastLogin is { } login ? Text(login) : "never",
            ["session"] = status.SessionExpiresAt is { } expires ? $"valid until {Text(expires)}" : "none",
        };
        if (state.ConsecutiveFailures > 0)
        {
            details["refusedLogins"] = state.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture);
        }

        if (state.PausedUntil is { } until && until > time.GetUtcNow())
        {
            details["loginsPausedUntil"] = Text(until);
        }

        return new SourceStatusExtras(status.Set, details);
    }

    private static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
