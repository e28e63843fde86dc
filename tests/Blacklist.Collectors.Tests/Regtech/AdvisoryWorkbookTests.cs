using Blacklist.Collectors.Regtech;

namespace Blacklist.Collectors.Tests.Regtech;

public sealed class AdvisoryWorkbookTests
{
    private static readonly FakeAdvisory[] Advisories =
    [
        new("203.0.113.10", "CN", "SSH 무차별 대입", new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1)),
        new("198.51.100.7", "KR", "웹 스캔", new DateOnly(2026, 3, 2)),
    ];

    [Theory]
    [InlineData("IP", "국가", "탐지사유", "탐지일", "해제일")]
    [InlineData("IP주소", "국가", "사유", "등록일", "삭제일")]
    [InlineData("차단IP", "국가", "탐지사유", "탐지일", "해제일")]
    [InlineData("악성 IP", "국가", "사유", "등록일", "해제일")]
    public void Each_known_header_name_finds_its_column(string address, string country, string reason, string detected, string released)
    {
        var layout = new WorkbookLayout
        {
            Columns = [(released, AdvisoryColumn.Released), (reason, AdvisoryColumn.Reason), (address, AdvisoryColumn.Address), (detected, AdvisoryColumn.Detected), (country, AdvisoryColumn.Country)],
        };

        var table = AdvisoryWorkbook.Read(AdvisoryWorkbookBuilder.Build(Advisories, layout), AdvisoryColumns.Regtech, default);

        table.HeaderFound.ShouldBeTrue();
        table.Rows.Select(r => (r.Address, r.Country, r.Reason)).ShouldBe([("203.0.113.10", "CN", "SSH 무차별 대입"), ("198.51.100.7", "KR", "웹 스캔")]);
        table.Rows[0].DetectedAt.ShouldBe("2026-03-01");
        table.Rows[0].ReleasedAt.ShouldBe("2026-06-01");
        table.Rows[1].ReleasedAt.ShouldBeNull();
    }

    [Fact]
    public void Serial_dates_are_read_as_numbers_and_text_dates_as_text()
    {
        var table = AdvisoryWorkbook.Read(AdvisoryWorkbookBuilder.Build(Advisories, new WorkbookLayout { Dates = DateStyle.Alternating }), AdvisoryColumns.Regtech, default);

        table.Rows[0].DetectedAt.ShouldBe("2026-03-01");
        table.Rows[1].DetectedAt.ShouldBe(AdvisoryWorkbookBuilder.Serial(new DateOnly(2026, 3, 2)));
        KoreanDates.TryParse(table.Rows[1].DetectedAt, out var detected).ShouldBeTrue();
        detected.ShouldBe(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9)));
    }

    [Fact]
    public void The_data_sheet_is_found_after_a_notes_sheet_and_its_header_below_titles_and_blank_rows_are_skipped()
    {
        var layout = new WorkbookLayout { NotesSheetFirst = true, RowsAboveHeader = ["블랙리스트 현황", null, "기준일: 2026-03-02"], BlankRowBetweenRows = true };

        var table = AdvisoryWorkbook.Read(AdvisoryWorkbookBuilder.Build(Advisories, layout), AdvisoryColumns.Regtech, default);

        table.Rows.Select(r => r.Address).ShouldBe(["203.0.113.10", "198.51.100.7"]);
        table.Rows.Select(r => r.RowNumber).ShouldBe([5, 7]);
    }

    [Fact]
    public void A_workbook_without_an_address_column_is_reported_as_such()
    {
        var layout = new WorkbookLayout { Columns = [("국가", AdvisoryColumn.Country), ("사유", AdvisoryColumn.Reason)] };

        AdvisoryWorkbook.Read(AdvisoryWorkbookBuilder.Build(Advisories, layout), AdvisoryColumns.Regtech, default).HeaderFound.ShouldBeFalse();
    }

    [Fact]
    public void Bytes_that_are_not_a_workbook_are_an_invalid_data_error()
    {
        Should.Throw<InvalidDataException>(() => AdvisoryWorkbook.Read("PK\u0003\u0004 not really a zip"u8.ToArray(), AdvisoryColumns.Regtech, default));
    }
}
