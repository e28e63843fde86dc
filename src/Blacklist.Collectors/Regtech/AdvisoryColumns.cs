namespace Blacklist.Collectors.Regtech;

/// <summary>
/// Header texts that name each field of an advisory table, in any order; compared without
/// spaces and case (so "IP 주소" matches "IP주소"). The portals rename and reorder columns, so
/// columns are always found by these names, never by position.
/// </summary>
internal sealed record AdvisoryColumns(
    IReadOnlyList<string> Address,
    IReadOnlyList<string> Country,
    IReadOnlyList<string> Reason,
    IReadOnlyList<string> DetectedAt,
    IReadOnlyList<string> ReleasedAt)
{
    /// <summary>REGTECH's blacklist workbook and list page.</summary>
    public static AdvisoryColumns Regtech { get; } = new(
        ["IP", "IP주소", "악성IP", "차단IP"],
        ["국가"],
        ["탐지사유", "사유"],
        ["탐지일", "등록일"],
        ["해제일", "삭제일"]);

    /// <summary>SECUDIUM's monthly report workbooks: REGTECH's names plus the English ones its reports use.</summary>
    public static AdvisoryColumns Secudium { get; } = new(
        [.. Regtech.Address, "IPADDRESS", "BLACKIP", "공격IP", "출발지IP"],
        [.. Regtech.Country, "COUNTRY", "국가명"],
        [.. Regtech.Reason, "REASON", "공격유형", "탐지명", "ATTACKTYPE"],
        [.. Regtech.DetectedAt, "DATE", "REGDATE", "탐지일자", "등록일자"],
        [.. Regtech.ReleasedAt, "RELEASEDATE", "해제일자"]);

    public static string Normalize(string? header)
        => string.Concat((header ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public bool IsAddress(string normalizedHeader) => Matches(Address, normalizedHeader);

    /// <summary>Which field a header names, or null for a column kept only as a raw attribute.</summary>
    public AdvisoryField? FieldOf(string normalizedHeader)
        => Matches(Address, normalizedHeader) ? AdvisoryField.Address
            : Matches(Country, normalizedHeader) ? AdvisoryField.Country
            : Matches(Reason, normalizedHeader) ? AdvisoryField.Reason
            : Matches(DetectedAt, normalizedHeader) ? AdvisoryField.DetectedAt
            : Matches(ReleasedAt, normalizedHeader) ? AdvisoryField.ReleasedAt
            : null;

    private static bool Matches(IReadOnlyList<string> names, string normalizedHeader)
        => names.Any(name => Normalize(name) == normalizedHeader);
}

internal enum AdvisoryField
{
    Address,
    Country,
    Reason,
    DetectedAt,
    ReleasedAt,
}
