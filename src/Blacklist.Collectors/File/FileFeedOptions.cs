namespace Blacklist.Collectors.File;

/// <summary>Where a relative feed path is looked up, in order (the host sets: data directory, content root, application directory).</summary>
public sealed class FileFeedOptions
{
    public IList<string> SearchDirectories { get; } = [];
}
