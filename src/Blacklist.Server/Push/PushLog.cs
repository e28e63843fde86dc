namespace Blacklist.Server.Push;

/// <summary>The push logs, with stable event ids (92xx).</summary>
internal static partial class PushLog
{
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Pushed feed {Profile} version {Version} to {Device} as a snapshot of {Entries} entries ({Reason})")]
    public static partial void Snapshot(ILogger logger, string device, string profile, long version, int entries, string reason);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Pushed feed {Profile} version {Version} to {Device}: {Added} entries added, {Removed} removed")]
    public static partial void Delta(ILogger logger, string device, string profile, long version, int added, int removed);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "Push of feed {Profile} version {Version} to {Device} failed ({Failures} in a row); next try, a full snapshot, in {Backoff}: {Reason}")]
    public static partial void Failed(ILogger logger, string device, string profile, long version, int failures, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Warning, Message = "Push to {Device}: transient failure ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void Retry(ILogger logger, string device, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Information, Message = "Push to {Device} is switched off (Blacklist:Push:{Device}:Enabled is false)")]
    public static partial void Disabled(ILogger logger, string device);

    [LoggerMessage(EventId = 9206, Level = LogLevel.Error, Message = "Push to {Device} failed unexpectedly; it is tried again after the backoff")]
    public static partial void Unexpected(ILogger logger, string device, Exception exception);
}
