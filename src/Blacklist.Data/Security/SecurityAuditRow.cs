namespace Blacklist.Data.Security;

internal sealed class SecurityAuditRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string? Details { get; set; }
}
