namespace Blacklist.Data.Storage;

/// <summary>
/// Every timestamp is stored as Unix epoch milliseconds (a 64-bit integer) on every provider, so
/// raw bulk SQL, comparisons and ordering behave the same in SQLite and PostgreSQL.
/// </summary>
internal static class UnixTime
{
    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToMilliseconds(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromMilliseconds(long? value) => value is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
