namespace Blacklist.Data.Model;

internal sealed class SettingRow
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
