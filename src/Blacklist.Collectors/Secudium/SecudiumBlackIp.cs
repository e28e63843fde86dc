using System.Text.Json;
using Blacklist.Collectors.Regtech;

namespace Blacklist.Collectors.Secudium;

/// <summary>
/// One black-IP entry of SECUDIUM's list or detail answer, its fields found by name. The list
/// may give a row without its address (only an id and a title): the detail has the rest.
/// </summary>
internal sealed record SecudiumBlackIp(string? Id, string? Address, string? Country, string? Reason, object? DetectedAt, object? ReleasedAt, IReadOnlyDictionary<string, string> Raw)
{
    private static readonly string[] IdNames = ["id", "seq", "idx", "no"];
    private static readonly string[] AddressNames = ["ip", "black_ip", "ip_addr", "ip_address", "addr", "address", "src_ip", "attack_ip"];
    private static readonly string[] CountryNames = ["country", "country_code", "nation", "country_name"];
    private static readonly string[] ReasonNames = ["reason", "attack_type", "detect_name", "description", "desc", "category", "type"];
    private static readonly string[] DetectedNames = ["reg_date", "detect_date", "detected_date", "detection_date", "create_date", "created_at", "date"];
    private static readonly string[] ReleasedNames = ["release_date", "end_date", "expire_date", "unblock_date"];

    public static SecudiumBlackIp From(JsonElement row) => new(
        SecudiumJson.Text(SecudiumJson.Property(row, IdNames)),
        SecudiumJson.Text(SecudiumJson.Property(row, AddressNames)),
        SecudiumJson.Text(SecudiumJson.Property(row, CountryNames)),
        SecudiumJson.Text(SecudiumJson.Property(row, ReasonNames)),
        SecudiumJson.DateValue(SecudiumJson.Property(row, DetectedNames)),
        SecudiumJson.DateValue(SecudiumJson.Property(row, ReleasedNames)),
        SecudiumJson.Scalars(row));

    /// <summary>This entry completed by its detail: the list's values win, the detail fills the gaps.</summary>
    public SecudiumBlackIp With(SecudiumBlackIp detail) => new(
        Id ?? detail.Id,
        Address ?? detail.Address,
        Country ?? detail.Country,
        Reason ?? detail.Reason,
        DetectedAt ?? detail.DetectedAt,
        ReleasedAt ?? detail.ReleasedAt,
        detail.Raw.Concat(Raw).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    /// <summary>One advisory row per address (a field may list several, separated by commas or spaces).</summary>
    public IEnumerable<AdvisoryRow> ToRows(int rowNumber)
    {
        var addresses = (Address ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (addresses.Length == 0)
        {
            addresses = [string.Empty];
        }

        return addresses.Select(address => new AdvisoryRow(rowNumber, address, Country, Reason, DetectedAt, ReleasedAt) { Raw = Raw });
    }
}
