using System.Buffers.Binary;

namespace Blacklist.Data.Storage;

/// <summary>
/// Range ends are stored as 16-byte big-endian integers so that byte-wise order (SQLite BLOB,
/// PostgreSQL bytea) equals numeric order; IPv4 values occupy the low four bytes.
/// </summary>
internal static class RangeBytes
{
    public const int Length = 16;

    public static byte[] ToBytes(UInt128 value)
    {
        var bytes = new byte[Length];
        Write(value, bytes);
        return bytes;
    }

    public static void Write(UInt128 value, Span<byte> destination) => BinaryPrimitives.WriteUInt128BigEndian(destination, value);

    public static UInt128 ToValue(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new InvalidDataException($"a stored range bound has {bytes.Length} bytes instead of {Length}: the database row is damaged");
        }

        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
