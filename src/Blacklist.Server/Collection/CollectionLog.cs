namespace Blacklist.Server.Collection;

/// <summary>Collection log messages with stable event ids (41xx–44xx are the collectors').</summary>
internal static partial class CollectionLog
{
    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Run {RunId} of {Source} succeeded: {Parsed} parsed, {Added} added, {Updated} updated, {Withdrawn} withdrawn, {Rejected} rejected")]
    public static partial void Succeeded(ILogger logger, long runId, string source, long parsed, long added, long updated, long withdrawn, long rejected);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "Run {RunId} of {Source}: not modified since the last fetch")]
    public static partial void NotModified(ILogger logger, long runId, string source);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "Run {RunId} of {Source} failed ({Kind}): {Error}")]
    public static partial void Failed(ILogger logger, long runId, string source, string kind, string error);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Warning, Message = "Run {RunId} of {Source} refused by the guard: {Reasons}. Accept it with POST /api/collection/runs/{RunId}/accept if the change is real")]
    public static partial void Refused(ILogger logger, long runId, string source, string reasons);

    [LoggerMessage(EventId = 4505, Level = LogLevel.Error, Message = "Run {RunId} of {Source} failed unexpectedly")]
    public static partial void Crashed(ILogger logger, Exception exception, long runId, string source);

    [LoggerMessage(EventId = 4506, Level = LogLevel.Warning, Message = "Run {RunId} of {Source} lost its source to another replica (its run lock's session ended): {Reason}")]
    public static partial void EndedElsewhere(ILogger logger, long runId, string source, string reason);

    [LoggerMessage(EventId = 4510, Level = LogLevel.Information, Message = "Collection switch is off: scheduled run of {Source} skipped")]
    public static partial void SwitchedOff(ILogger logger, string source);

    [LoggerMessage(EventId = 4511, Level = LogLevel.Information, Message = "Scheduled run of {Source} skipped: run {RunId} is still in progress")]
    public static partial void StillRunning(ILogger logger, string source, long runId);

    [LoggerMessage(EventId = 4512, Level = LogLevel.Warning, Message = "{Count} collection run(s) left unfinished by the previous process were marked failed")]
    public static partial void Interrupted(ILogger logger, int count);

    [LoggerMessage(EventId = 4513, Level = LogLevel.Error, Message = "The collection scheduler hit an error and retries in a minute")]
    public static partial void SchedulerError(ILogger logger, Exception exception);
}
