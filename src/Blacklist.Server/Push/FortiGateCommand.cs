using System.Text.Json.Serialization;

namespace Blacklist.Server.Push;

/// <summary>
/// The body of <c>POST /api/v2/monitor/system/external-resource/dynamic</c> (FortiOS 7.2.1+):
/// <c>{"commands": [{"name": feed, "command": "snapshot" | "add" | "remove", "entries": [...]}]}</c>.
/// </summary>
internal sealed record FortiGateCommands([property: JsonPropertyName("commands")] IReadOnlyList<FortiGateCommand> Commands);

/// <param name="Name">The threat feed (its mkey on the device).</param>
/// <param name="Command"><see cref="Snapshot"/> replaces every entry; <see cref="Add"/> and <see cref="Remove"/> change some.</param>
/// <param name="Entries">Addresses, CIDR blocks or first-last ranges, one per entry.</param>
internal sealed record FortiGateCommand(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries)
{
    public const string Snapshot = "snapshot";
    public const string Add = "add";
    public const string Remove = "remove";
}
