using Blacklist.Core.Addresses;
using CsCheck;
using static Blacklist.Core.Tests.Addresses.TestAddresses;

namespace Blacklist.Core.Tests.Addresses;

/// <summary>
/// A small slice of one family's address space in which random sets can be checked address by
/// address against a brute-force oracle. The windows sit where bugs hide: at 0, at the family's
/// largest value, and across /16, /24 and /64 boundaries.
/// </summary>
public sealed record AddressWindow(string Name, IpFamily Family, UInt128 Base)
{
    /// <summary>Addresses per window: small enough to enumerate, large enough for /24 blocks.</summary>
    public const uint Size = 256;

    public static readonly AddressWindow V4Zero = new("v4-zero", IpFamily.V4, 0);
    public static readonly AddressWindow V4Ten = new("v4-ten", IpFamily.V4, Number("10.0.0.0"));
    public static readonly AddressWindow V4Top = new("v4-top", IpFamily.V4, uint.MaxValue - (Size - 1));
    public static readonly AddressWindow V4Straddle = new("v4-straddle", IpFamily.V4, Number("10.0.255.100"));
    public static readonly AddressWindow V6Zero = new("v6-zero", IpFamily.V6, 0);
    public static readonly AddressWindow V6Doc = new("v6-doc", IpFamily.V6, Number("2001:db8::"));
    public static readonly AddressWindow V6Top = new("v6-top", IpFamily.V6, UInt128.MaxValue - (Size - 1));
    public static readonly AddressWindow V6Straddle = new("v6-straddle", IpFamily.V6, Number("2001:db8:0:1:ffff:ffff:ffff:ff9c"));

    private static readonly AddressWindow[] All = [V4Zero, V4Ten, V4Top, V4Straddle, V6Zero, V6Doc, V6Top, V6Straddle];

    public UInt128 Last => Base + (Size - 1);

    /// <summary>Window lists named like "v4-zero+v6-zero", for theory data.</summary>
    public static AddressWindow[] Parse(string names) => [.. names.Split('+').Select(n => All.Single(w => w.Name == n))];

    /// <summary>Every address of the window plus its neighbours just outside (where they exist).</summary>
    public IEnumerable<UInt128> Probes()
    {
        if (Base > 0)
        {
            yield return Base - 1;
        }

        for (uint i = 0; i < Size; i++)
        {
            yield return Base + i;
        }

        if (Last < Family.MaxValue())
        {
            yield return Last + 1;
        }
    }

    /// <summary>Mostly short ranges (so sets have many pieces), some long ones, some the whole window.</summary>
    public static Gen<IpRange> Ranges(AddressWindow[] windows) =>
        Gen.Select(
            Gen.Int[0, windows.Length - 1],
            Gen.UInt[0, Size - 1],
            Gen.Frequency((6, Gen.UInt[0, 3]), (3, Gen.UInt[0, 40]), (1, Gen.UInt[0, Size - 1])),
            (w, start, length) =>
            {
                var window = windows[w];
                var end = Math.Min(start + length, Size - 1);
                return new IpRange(window.Family, window.Base + start, window.Base + end);
            });

    public override string ToString() => Name;
}
