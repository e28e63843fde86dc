using Blacklist.Collectors.Feeds;

namespace Blacklist.Collectors.Tests.Feeds;

public sealed class FeedSourceSettingsTests
{
    [Fact]
    public void Defaults_apply_when_nothing_is_set()
    {
        var errors = new List<string>();
        var settings = FeedSourceSettings.Read(SourceSettings.Section("x", ("Url", "https://feeds.example/list.txt")), errors);

        errors.ShouldBeEmpty();
        settings.Parser.Format.ShouldBe("plain");
        settings.MaxBytes.ShouldBe(256L * 1024 * 1024);
        settings.Timeout.ShouldBe(TimeSpan.FromMinutes(5));
        settings.Url!.Host.ShouldBe("feeds.example");
    }

    [Fact]
    public void Every_bad_setting_is_reported_with_its_path()
    {
        var errors = new List<string>();
        FeedSourceSettings.Read(
            SourceSettings.Section(
                "bad",
                ("Url", "ftp://feeds.example/x"),
                ("Format", "xml"),
                ("MaxBytes", "-1"),
                ("Timeout", "soon"),
                ("Delimiter", ";;"),
                ("HasHeader", "maybe")),
            errors);

        errors.Count.ShouldBe(6);
        errors.ShouldContain(e => e.StartsWith("Blacklist:Sources:bad:Url: 'ftp://feeds.example/x'", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Blacklist:Sources:bad:Format:", StringComparison.Ordinal) && e.Contains("xml"));
        errors.ShouldContain(e => e.StartsWith("Blacklist:Sources:bad:MaxBytes:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Blacklist:Sources:bad:Timeout:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Blacklist:Sources:bad:Delimiter:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Blacklist:Sources:bad:HasHeader:", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_settings_reach_the_parser_settings()
    {
        var errors = new List<string>();
        var settings = FeedSourceSettings.Read(
            SourceSettings.Section("csv", ("Path", "x.csv"), ("Format", "csv"), ("Delimiter", "tab"), ("Columns:Address", "addr"), ("Columns:Reason", "why"), ("TimeZone", "Asia/Seoul")),
            errors);

        errors.ShouldBeEmpty();
        settings.Parser.Delimiter.ShouldBe('\t');
        settings.Parser.Columns!.Address.ShouldBe("addr");
        settings.Parser.Columns.Reason.ShouldBe("why");
        settings.Parser.TimeZone.ShouldBe("Asia/Seoul");
    }
}
