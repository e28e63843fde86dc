using Blacklist.Collectors.Regtech;

namespace Blacklist.Collectors.Tests.Regtech;

public sealed class AdvisoryHtmlListTests
{
    [Fact]
    public void Columns_are_found_by_header_text_in_any_order()
    {
        const string html = """
            <table><tr><th>해제일</th><th>사유</th><th>차단 IP</th><th>국가</th><th>등록일</th></tr>
            <tr><td>-</td><td>스캔</td><td>192.0.2.9</td><td>JP</td><td>2026-08-01</td></tr></table>
            """;

        var row = AdvisoryHtmlList.Read(html, AdvisoryColumns.Regtech).Rows.ShouldHaveSingleItem();

        (row.Address, row.Country, row.Reason, row.DetectedAt, row.ReleasedAt).ShouldBe(("192.0.2.9", "JP", "스캔", (object?)"2026-08-01", (object?)"-"));
    }

    [Fact]
    public void A_table_without_header_is_read_in_the_portals_column_order()
    {
        const string html = "<div><table><tr><td>192.0.2.9</td><td>JP</td><td>스캔</td><td>2026-08-01</td><td>2026-09-01</td></tr></table></div>";

        var row = AdvisoryHtmlList.Read(html, AdvisoryColumns.Regtech).Rows.ShouldHaveSingleItem();

        (row.Address, row.Country, row.ReleasedAt).ShouldBe(("192.0.2.9", "JP", (object?)"2026-09-01"));
    }

    [Fact]
    public void A_no_data_row_is_no_row_and_a_page_without_a_list_is_not_found()
    {
        AdvisoryHtmlList.Read("<table><tr><th>IP</th><th>국가</th></tr><tr><td colspan='2'>데이터가 없습니다.</td></tr></table>", AdvisoryColumns.Regtech)
            .ShouldBe(new AdvisoryTable(true, []), new AdvisoryTableComparer());
        AdvisoryHtmlList.Read("<p>점검 중</p><table><tr><td>공지</td><td>내용</td></tr></table>", AdvisoryColumns.Regtech).HeaderFound.ShouldBeFalse();
    }

    private sealed class AdvisoryTableComparer : IEqualityComparer<AdvisoryTable>
    {
        public bool Equals(AdvisoryTable? x, AdvisoryTable? y) => x!.HeaderFound == y!.HeaderFound && x.Rows.Count == y.Rows.Count;

        public int GetHashCode(AdvisoryTable obj) => obj.Rows.Count;
    }
}
