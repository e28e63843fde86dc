using Cronos;

namespace Blacklist.Collectors.Scheduling;

/// <summary>A source's cron schedule, evaluated in UTC. Five fields, or six with seconds first.</summary>
public sealed class CronSchedule
{
    private readonly CronExpression expression;

    private CronSchedule(string text, CronExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    public string Text { get; }

    public static bool TryParse(string? text, out CronSchedule? schedule, out string error)
    {
        schedule = null;
        error = "";
        var trimmed = text?.Trim() ?? "";
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            error = $"'{text}' is not a cron expression: it needs 5 fields (minute hour day month weekday, e.g. \"17 */6 * * *\") or 6 with seconds first";
            return false;
        }

        try
        {
            schedule = new CronSchedule(trimmed, CronExpression.Parse(trimmed, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard));
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"'{text}' is not a cron expression: {e.Message}";
            return false;
        }
    }

    /// <summary>The first slot strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => expression.GetNextOccurrence(after, TimeZoneInfo.Utc);

    /// <summary>True when a slot fell in (<paramref name="from"/>, <paramref name="to"/>]: a run was due in between.</summary>
    public bool HadSlotBetween(DateTimeOffset from, DateTimeOffset to) => NextAfter(from) is { } next && next <= to;

    public override string ToString() => Text;
}
