using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Polite;

/// <summary>What every portal collector (REGTECH, SECUDIUM) works with: clients, secrets, politeness, the clock.</summary>
public sealed class PortalServices(
    IHttpClientFactory httpClients,
    SourceCredentialStore credentials,
    AuthFailureLockout lockout,
    SourceRequestGate gate,
    TimeProvider time)
{
    public SourceCredentialStore Credentials => credentials;

    public AuthFailureLockout Lockout => lockout;

    public TimeProvider Time => time;

    /// <summary>A run's own polite conversation with the portal, on the named client.</summary>
    internal PoliteHttpSession OpenSession(string clientName, CollectionContext context, PortalSourceSettings settings, ILogger logger)
        => new(httpClients.CreateClient(clientName), context.Source, settings, gate, time, logger);
}
