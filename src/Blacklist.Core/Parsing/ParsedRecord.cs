using Blacklist.Core.Indicators;

namespace Blacklist.Core.Parsing;

/// <summary>One result of parsing: an observation, or an issue, or (for a warning) both.</summary>
public readonly record struct ParsedRecord(Observation? Observation, ParseIssue? Issue)
{
    public static ParsedRecord Of(Observation observation) => new(observation, null);

    public static ParsedRecord Rejected(int lineNumber, string message, string? line)
        => new(null, new ParseIssue(lineNumber, ParseIssueKind.Rejected, message, line));

    public static ParsedRecord Warned(Observation observation, string message, string? line)
        => new(observation, new ParseIssue(observation.LineNumber, ParseIssueKind.Warning, message, line));
}

public enum ParseIssueKind
{
    /// <summary>The line was not used.</summary>
    Rejected,

    /// <summary>The line was used after a correction (e.g. host bits masked).</summary>
    Warning,
}

/// <summary>What went wrong on a line, in words that say what to fix.</summary>
public sealed record ParseIssue(int LineNumber, ParseIssueKind Kind, string Message, string? Line)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}
