using System.Numerics;
using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

public sealed class CsvRenderingTests
{
    [Fact]
    public void Rows_hold_range_first_last_family_and_address_count()
    {
        Text(ListFormat.Csv, Input(Sample)).ShouldBe(
            """
            range,first,last,family,addresses
            1.2.3.4,1.2.3.4,1.2.3.4,4,1
            5.6.0.0/16,5.6.0.0,5.6.255.255,4,65536
            7.7.7.1-7.7.7.9,7.7.7.1,7.7.7.9,4,9
            10.0.0.0-10.0.0.2,10.0.0.0,10.0.0.2,4,3
            2001:db8::1,2001:db8::1,2001:db8::1,6,1
            2001:db8:1::/48,2001:db8:1::,2001:db8:1:ffff:ffff:ffff:ffff:ffff,6,1208925819614629174706176
            2001:db8:2::1-2001:db8:2::3,2001:db8:2::1,2001:db8:2::3,6,3

            """);
    }

    [Fact]
    public void Every_row_has_five_columns_that_agree_with_each_other()
    {
        var rows = Text(ListFormat.Csv, Input(Sample, totalBeforeCap: 99)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].ShouldBe("range,first,last,family,addresses", "a cap adds no comment: CSV has none");
        rows.Length.ShouldBe(Sample.RangeCount + 1);
        foreach (var row in rows.Skip(1))
        {
            var columns = row.Split(',');
            columns.Length.ShouldBe(5, row);
            var range = Range(columns[0]);
            Range(columns[1]).First.ShouldBe(range.First, row);
            Range(columns[2]).Last.ShouldBe(range.Last, row);
            columns[3].ShouldBe(range.Family == IpFamily.V4 ? "4" : "6", row);
            BigInteger.Parse(columns[4], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(range.AddressCount, row);
        }
    }

    [Fact]
    public void An_empty_list_is_the_header_alone()
        => Text(ListFormat.Csv, Input(IpSet.Empty)).ShouldBe("range,first,last,family,addresses\n");
}
