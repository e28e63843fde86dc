namespace Blacklist.Server.Collection;

/// <summary>Every configured source, and every problem found while reading them (validation fails start-up on any).</summary>
public sealed class SourcesOptions
{
    public const string Section = "Blacklist:Sources";

    public IReadOnlyList<SourceDefinition> Sources { get; set; } = [];

    public IReadOnlyList<string> Errors { get; set; } = [];
}
