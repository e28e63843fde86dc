using Blacklist.Collectors.Abstractions;

namespace Blacklist.Collectors.Regtech;

/// <summary>An inclusive range of Korean days a run asks a portal for.</summary>
internal readonly record struct DateWindow(DateOnly Start, DateOnly End)
{
    public const string StartParameter = "start_date";
    public const string EndParameter = "end_date";

    /// <summary>Instant the window starts (Korean midnight).</summary>
    public DateTimeOffset StartsAt => KoreanDates.StartOf(Start);

    /// <summary>
    /// The run's window: a manual trigger's <c>start_date</c>/<c>end_date</c> (YYYYMMDD or
    /// YYYY-MM-DD; either may be left out), else the last <paramref name="windowDays"/> days up to today.
    /// </summary>
    public static DateWindow ForRun(CollectionContext context, int windowDays, TimeProvider time)
    {
        var today = KoreanDates.Today(time);
        var start = ParameterDay(context, StartParameter);
        var end = ParameterDay(context, EndParameter);
        var last = end ?? (start is { } s && s > today ? s : today);
        var first = start ?? last.AddDays(-windowDays);
        if (first > last)
        {
            throw new CollectionException(
                CollectionFailure.Other,
                $"{context.Source}: {StartParameter} {first:yyyy-MM-dd} is after {EndParameter} {last:yyyy-MM-dd}; trigger again with start_date on or before end_date.");
        }

        return new DateWindow(first, last);
    }

    /// <summary>Consecutive windows of at most <paramref name="months"/> calendar months covering this one.</summary>
    public IReadOnlyList<DateWindow> SplitByMonths(int months)
    {
        var parts = new List<DateWindow>();
        var start = Start;
        while (start <= End)
        {
            var limit = start.AddMonths(months).AddDays(-1);
            var end = limit < End ? limit : End;
            parts.Add(new DateWindow(start, end));
            start = end.AddDays(1);
        }

        return parts;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";

    private static DateOnly? ParameterDay(CollectionContext context, string name)
    {
        var text = context.Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return KoreanDates.TryParseDay(text, out var day)
            ? day
            : throw new CollectionException(
                CollectionFailure.Other,
                $"{context.Source}: {name} '{text}' is not a date; write it as YYYYMMDD or YYYY-MM-DD (e.g. 20260131 or 2026-01-31).");
    }
}
