namespace Blacklist.Server.Collection;

/// <summary>
/// Checks the kind-specific settings of a source at start-up (register one per kind, e.g. for
/// "regtech"). Return every problem as "{section.Path}:{Key}: what is wrong and how to fix it".
/// </summary>
public interface ISourceKindValidator
{
    string Kind { get; }

    IEnumerable<string> Validate(IConfigurationSection section);
}
