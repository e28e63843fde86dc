namespace Blacklist.Data.Model;

internal sealed class SourceStateRow
{
    public string Source { get; set; } = "";

    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
