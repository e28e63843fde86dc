using System.Text.Json;

namespace Blacklist.Collectors.Secudium;

/// <summary>
/// One monthly report of SECUDIUM's file list: the stored file name the download asks for
/// (<c>sefileString255</c> on the portal) and the original name (<c>fileString255</c>).
/// </summary>
internal sealed record SecudiumReportFile(string? Id, string? StoredName, string? OriginalName)
{
    public static SecudiumReportFile From(JsonElement row) => new(
        SecudiumJson.Text(SecudiumJson.Property(row, "id", "seq", "file_seq")),
        SecudiumJson.Text(SecudiumJson.Property(row, "sefileString255", "save_file_name", "stored_file_name", "file_uuid", "uuid")),
        SecudiumJson.Text(SecudiumJson.Property(row, "fileString255", "org_file_name", "original_file_name", "file_name", "name")));

    public string Describe() => OriginalName ?? StoredName ?? $"#{Id}";
}
