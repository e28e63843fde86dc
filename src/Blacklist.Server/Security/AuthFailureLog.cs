using System.Net;

namespace Blacklist.Server.Security;

/// <summary>
/// The one place a refused credential is reported: one `Authentication failed` line (operators grep for
/// it) with the client address and reason, and one count in blacklist_auth_failures_total{reason}.
/// </summary>
internal sealed partial class AuthFailureLog(ILogger<AuthFailureLog> logger)
{
    public void Failed(HttpContext context, string reason, string? principal)
    {
        SecurityMetrics.AuthFailures.WithLabels(reason).Inc();
        LogFailed(logger, ClientAddress(context), reason, principal ?? "-", context.Request.Method, context.Request.Path.Value ?? "");
    }

    public static string ClientAddress(HttpContext context)
        => context.Connection.RemoteIpAddress is { } address ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString() : "unknown";

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Authentication failed from {ClientAddress}: {Reason} (principal {Principal}, {Method} {Path})")]
    private static partial void LogFailed(ILogger logger, string clientAddress, string reason, string principal, string method, string path);
}
