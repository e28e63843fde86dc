using Blacklist.Collectors.Polite;
using Blacklist.Collectors.Regtech;
using Blacklist.Collectors.Secudium;
using Blacklist.Server.Collection;

namespace Blacklist.Server.Api.Sources;

/// <summary>Checks a regtech or secudium source's settings at start-up, every problem with its full path.</summary>
internal sealed class PortalSourceKindValidator(string kind) : ISourceKindValidator
{
    public string Kind => kind;

    public IEnumerable<string> Validate(IConfigurationSection section) => kind switch
    {
        RegtechCollector.SourceKind => PortalSourceSettings.Check<RegtechSettings>(section),
        SecudiumCollector.SourceKind => PortalSourceSettings.Check<SecudiumSettings>(section),
        _ => [],
    };
}
