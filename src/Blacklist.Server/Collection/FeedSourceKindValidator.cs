using Blacklist.Collectors.Feeds;

namespace Blacklist.Server.Collection;

/// <summary>The built-in "http" and "file" kinds: a URL or a path, a known format, sane limits.</summary>
internal sealed class FeedSourceKindValidator(string kind) : ISourceKindValidator
{
    public string Kind => kind;

    public IEnumerable<string> Validate(IConfigurationSection section)
    {
        var errors = new List<string>();
        var settings = FeedSourceSettings.Read(section, errors);
        if (kind == "http" && settings.Url is null && string.IsNullOrWhiteSpace(section["Url"]))
        {
            errors.Add($"{section.Path}:Url: is missing; an http source needs the feed's address");
        }

        if (kind == "file" && settings.Path is null)
        {
            errors.Add($"{section.Path}:Path: is missing; a file source needs the feed file's path");
        }

        return errors;
    }
}
