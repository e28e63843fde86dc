using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Blacklist.Data.Storage;

/// <summary>Maps <see cref="DateTimeOffset"/> properties to Unix epoch milliseconds (see <see cref="UnixTime"/>).</summary>
internal sealed class UnixTimeConverter : ValueConverter<DateTimeOffset, long>
{
    public UnixTimeConverter()
        : base(value => value.ToUnixTimeMilliseconds(), value => DateTimeOffset.FromUnixTimeMilliseconds(value))
    {
    }
}
