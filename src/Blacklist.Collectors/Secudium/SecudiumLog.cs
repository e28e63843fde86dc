using Blacklist.Collectors.Regtech;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Secudium;

/// <summary>SECUDIUM's log lines (event ids 42xx). No line carries a password, OTP or token.</summary>
internal static partial class SecudiumLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Source {Source}: signed in to SECUDIUM (OTP used: {WithOtp})")]
    public static partial void SignedIn(ILogger logger, string source, bool withOtp);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Source {Source}: reusing the stored SECUDIUM token (expires {ExpiresAt})")]
    public static partial void ReusingToken(ILogger logger, string source, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Source {Source}: SECUDIUM no longer accepts the token; signing in again")]
    public static partial void TokenRejected(ILogger logger, string source);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Source {Source}: SECUDIUM did not accept the login (code {Code})")]
    public static partial void LoginNotAccepted(ILogger logger, string source, string? code);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Source {Source}: read {Rows} rows in {Pages} pages ({Details} details) for {Window}")]
    public static partial void ListRead(ILogger logger, string source, int rows, int pages, int details, DateWindow window);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "Source {Source}: report {File} skipped: {Problem}")]
    public static partial void ReportSkipped(ILogger logger, string source, string file, string problem);
}
