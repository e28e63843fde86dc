using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Regtech;

/// <summary>REGTECH's log lines (event ids 41xx). No line carries a password, cookie or token.</summary>
internal static partial class RegtechLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Source {Source}: signed in to REGTECH")]
    public static partial void SignedIn(ILogger logger, string source);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Source {Source}: reusing the stored REGTECH session (pasted: {Pasted}, expires {ExpiresAt})")]
    public static partial void ReusingSession(ILogger logger, string source, bool pasted, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Source {Source}: the REGTECH session ended during the run; signing in again")]
    public static partial void SessionEnded(ILogger logger, string source);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Source {Source}: reading the HTML list for {Window} because {Reason}")]
    public static partial void FallingBack(ILogger logger, string source, DateWindow window, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Source {Source}: {Window} gave {Rows} rows from the {Via}")]
    public static partial void WindowRead(ILogger logger, string source, DateWindow window, int rows, string via);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Source {Source}: REGTECH did not accept the login ({Outcome})")]
    public static partial void LoginNotAccepted(ILogger logger, string source, LoginOutcome outcome);
}
