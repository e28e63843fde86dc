using System.Net;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Tests.Credentials;
using Microsoft.AspNetCore.Http;

namespace Blacklist.Collectors.Tests.Regtech;

public sealed class RegtechCollectorTests : IAsyncLifetime
{
    private const string Source = "regtech";
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private FakeRegtechServer _server = null!;
    private PortalHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = new PortalHarness();
        _server = await FakeRegtechServer.StartNewAsync();
        _server.Clock = _harness.Time;
        _server.Advisories.AddRange(
        [
            new("203.0.113.10", "CN", "SSH 무차별 대입", new DateOnly(2026, 8, 18), new DateOnly(2026, 11, 18)),
            new("198.51.100.7", "KR", "웹 취약점 스캔", new DateOnly(2026, 8, 19)),
            new("2001:db8::66", "US", "C2 서버", new DateOnly(2026, 8, 20), new DateOnly(2026, 9, 20)),
        ]);
        await _harness.Credentials.SetCredentialsAsync(Source, new SourceCredentials(FakeRegtechServer.Username, FakeRegtechServer.Password), default);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task A_scheduled_run_logs_in_and_reads_the_recent_window_from_the_workbook()
    {
        var data = await CollectAsync();

        data.Observations.Select(o => o.Range.ToString()).ShouldBe(["203.0.113.10", "198.51.100.7", "2001:db8::66"]);
        var first = data.Observations[0];
        first.Country.ShouldBe("CN");
        first.Reason.ShouldBe("SSH 무차별 대입");
        first.Category.ShouldBe("regtech");
        first.DetectedAt.ShouldBe(new DateTimeOffset(2026, 8, 18, 0, 0, 0, Kst));
        first.ReleasedAt.ShouldBe(new DateTimeOffset(2026, 11, 18, 0, 0, 0, Kst));
        data.Observations[1].ReleasedAt.ShouldBeNull();
        data.Issues.ShouldBeEmpty();
        data.Fetched.ShouldBe(3);
        data.Bytes.ShouldBeGreaterThan(1024);
        data.Note.ShouldBeNull();

        // Today in Korea is 2026-08-20; the default window reaches three days back.
        var download = _server.RequestsTo("/fcti/securityAdvisory/advisoryListDownloadXlsx").ShouldHaveSingleItem();
        download.Form["startDate"].ShouldBe("2026-08-17");
        download.Form["endDate"].ShouldBe("2026-08-20");
        _server.Logins.ShouldBe(1);
    }

    [Fact]
    public async Task Confidence_and_category_come_from_the_settings()
    {
        var data = await CollectAsync(settings: new() { ["Confidence"] = "80", ["Category"] = "finance" });

        data.Observations.ShouldAllBe(o => o.Confidence == 80 && o.Category == "finance");
    }

    [Fact]
    public async Task Korean_headers_in_another_order_with_titles_blank_rows_and_a_notes_sheet_are_read_by_header_text()
    {
        _server.Layout = new WorkbookLayout
        {
            Columns =
            [
                ("등록일", AdvisoryColumn.Detected),
                ("비고", AdvisoryColumn.Remark),
                ("사유", AdvisoryColumn.Reason),
                ("악성 IP", AdvisoryColumn.Address),
                ("삭제일", AdvisoryColumn.Released),
                ("국가", AdvisoryColumn.Country),
            ],
            RowsAboveHeader = ["금융보안원 보안권고 - 블랙리스트", null],
            BlankRowBetweenRows = true,
            NotesSheetFirst = true,
            Dates = DateStyle.Alternating,
        };

        var data = await CollectAsync();

        data.Observations.Select(o => (o.Range.ToString(), o.Country, o.Reason, o.DetectedAt, o.ReleasedAt)).ShouldBe(
        [
            ("203.0.113.10", "CN", "SSH 무차별 대입", new DateTimeOffset(2026, 8, 18, 0, 0, 0, Kst), new DateTimeOffset(2026, 11, 18, 0, 0, 0, Kst)),
            ("198.51.100.7", "KR", "웹 취약점 스캔", new DateTimeOffset(2026, 8, 19, 0, 0, 0, Kst), (DateTimeOffset?)null),
            ("2001:db8::66", "US", "C2 서버", new DateTimeOffset(2026, 8, 20, 0, 0, 0, Kst), new DateTimeOffset(2026, 9, 20, 0, 0, 0, Kst)),
        ]);
        data.Issues.ShouldBeEmpty();
        data.Observations[0].Attributes!["비고"].ShouldBe("비고");
    }

    [Fact]
    public async Task A_six_month_manual_window_is_asked_for_in_two_requests_of_at_most_three_months()
    {
        _server.Advisories.Add(new("192.0.2.44", "RU", "악성코드 유포", new DateOnly(2026, 2, 3)));

        var data = await CollectAsync(parameters: new() { ["start_date"] = "20260101", ["end_date"] = "2026-06-30" }, trigger: RunTrigger.Manual);

        _server.RequestsTo("/fcti/securityAdvisory/advisoryListDownloadXlsx")
            .Select(r => (r.Form["startDate"], r.Form["endDate"]))
            .ShouldBe([("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30")]);
        data.Observations.Select(o => o.Range.ToString()).ShouldBe(["192.0.2.44"]);
    }

    [Fact]
    public async Task A_tiny_workbook_falls_back_to_the_html_list_and_pages_until_empty()
    {
        _server.WorkbookAnswer = (_, _) => FakeRegtechServer.Xlsx([0x50, 0x4B, 0x03, 0x04, 0, 0]);

        var data = await CollectAsync(settings: new() { ["PageSize"] = "2" });

        data.Observations.Select(o => o.Range.ToString()).ShouldBe(["203.0.113.10", "198.51.100.7", "2001:db8::66"]);
        data.Observations[0].ReleasedAt.ShouldBe(new DateTimeOffset(2026, 11, 18, 0, 0, 0, Kst));
        data.Observations[1].ReleasedAt.ShouldBeNull();
        data.Note.ShouldNotBeNull().ShouldContain("HTML fallback used for 2026-08-17..2026-08-20 (3 rows)");
        data.Note.ShouldContain("tiny");
        _server.RequestsTo("/fcti/securityAdvisory/advisoryList").Select(r => r.Form["page"]).ShouldBe(["0", "1", "2"]);
    }

    [Fact]
    public async Task A_stale_workbook_falls_back_to_the_html_list()
    {
        // The portal ignores the dates and sends last year's export.
        var old = new[] { new FakeAdvisory("192.0.2.1", "KR", "old", new DateOnly(2025, 5, 1)) };
        _server.WorkbookAnswer = (_, _) => FakeRegtechServer.Xlsx(AdvisoryWorkbookBuilder.Build(old, WorkbookLayout.Default));

        var data = await CollectAsync();

        data.Observations.Select(o => o.Range.ToString()).ShouldBe(["203.0.113.10", "198.51.100.7", "2001:db8::66"]);
        data.Note.ShouldNotBeNull().ShouldContain("stale: its newest detection date is 2025-05-01");
    }

    [Fact]
    public async Task An_html_page_instead_of_the_workbook_falls_back_to_the_html_list()
    {
        _server.WorkbookAnswer = (_, _) => FakeRegtechServer.Html("<html><body>" + new string(' ', 2000) + "<p>일시적인 오류입니다</p></body></html>");

        var data = await CollectAsync();

        data.Observations.Count.ShouldBe(3);
        data.Note.ShouldNotBeNull().ShouldContain("HTML page instead of the Excel file");
    }

    [Fact]
    public async Task A_missing_workbook_for_an_empty_window_reads_the_empty_list()
    {
        _server.WorkbookAnswer = (_, _) => Results.NotFound();
        _server.Advisories.Clear();

        var data = await CollectAsync();

        data.Observations.ShouldBeEmpty();
        data.Note.ShouldNotBeNull().ShouldContain("(0 rows): the Excel download is missing (HTTP 404)");
    }

    [Fact]
    public async Task A_missing_workbook_and_a_list_without_a_table_fail_as_a_changed_portal()
    {
        _server.WorkbookAnswer = (_, _) => Results.NotFound();
        _server.ListAnswer = _ => FakeRegtechServer.Html("<html><body><div class='notice'>시스템 점검 중입니다.</div></body></html>");

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.ProviderChanged);
        error.Message.ShouldContain("the Excel download is missing (HTTP 404), and its HTML list has no table with an IP column");
    }

    [Fact]
    public async Task A_stale_workbook_and_a_list_without_a_table_fail_as_stale_data()
    {
        var old = new[] { new FakeAdvisory("192.0.2.1", "KR", "old", new DateOnly(2025, 5, 1)) };
        _server.WorkbookAnswer = (_, _) => FakeRegtechServer.Xlsx(AdvisoryWorkbookBuilder.Build(old, WorkbookLayout.Default));
        _server.ListAnswer = _ => FakeRegtechServer.Html("<html><body>점검 중</body></html>");

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.StaleData);
    }

    [Fact]
    public async Task Wrong_password_fails_as_bad_credentials_and_repeated_refusals_pause_logins()
    {
        await _harness.Credentials.SetCredentialsAsync(Source, new SourceCredentials(FakeRegtechServer.Username, "wrong-password"), default);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await Should.ThrowAsync<CollectionException>(() => CollectAsync());
            refused.Kind.ShouldBe(CollectionFailure.BadCredentials);
            refused.Message.ShouldContain("PUT /api/sources/regtech/credentials");
        }

        var posts = _server.RequestsTo("/login/addLogin").Count();
        var paused = await Should.ThrowAsync<CollectionException>(() => CollectAsync());
        paused.Kind.ShouldBe(CollectionFailure.LockedOut);
        paused.Message.ShouldContain("paused until");
        _server.RequestsTo("/login/addLogin").Count().ShouldBe(posts);

        // The pause is in the durable store: a restarted service (a new composition) still keeps it.
        await using var restarted = new PortalHarness(_harness.State, _harness.Protection);
        restarted.Time.SetUtcNow(_harness.Time.GetUtcNow());
        var stillPaused = await Should.ThrowAsync<CollectionException>(() => restarted.Collector(Source).CollectAsync(Context(), default));
        stillPaused.Kind.ShouldBe(CollectionFailure.LockedOut);

        // After the pause, one more attempt is allowed; with the right password it succeeds and clears the count.
        _harness.Time.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));
        await _harness.Credentials.SetCredentialsAsync(Source, new SourceCredentials(FakeRegtechServer.Username, FakeRegtechServer.Password), default);
        (await CollectAsync()).Observations.Count.ShouldBe(3);
        (await _harness.Lockout.GetStateAsync(Source, default)).ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public async Task The_sms_verification_page_stops_the_run_with_what_to_do()
    {
        _server.RequireSms = true;

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.SmsTwoFactorRequired);
        error.Message.ShouldBe("REGTECH asks for SMS verification for this account: log in with a browser, then paste the session cookie (regtech-va) via PUT /api/sources/regtech/session.");
        (await _harness.Lockout.GetStateAsync(Source, default)).ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public async Task A_pasted_browser_session_is_used_instead_of_logging_in_until_it_expires()
    {
        _server.RequireSms = true;
        var expiresAt = _harness.Time.GetUtcNow().AddHours(1);
        var cookie = _server.IssueBrowserSession(expiresAt);
        await _harness.Credentials.SetSessionAsync(Source, new SourceSession(RegtechSessionCookieHeader(cookie), expiresAt) { Pasted = true }, default);

        var data = await CollectAsync();

        data.Observations.Count.ShouldBe(3);
        _server.RequestsTo("/login/addLogin").ShouldBeEmpty();
        _server.RequestsTo("/fcti/securityAdvisory/advisoryListDownloadXlsx").ShouldHaveSingleItem().Cookies["regtech-va"].ShouldBe(cookie);

        // Expired: the collector logs in again, and this account's SMS verification stops it.
        _harness.Time.Advance(TimeSpan.FromHours(2));
        (await Should.ThrowAsync<CollectionException>(() => CollectAsync())).Kind.ShouldBe(CollectionFailure.SmsTwoFactorRequired);
    }

    [Fact]
    public async Task A_session_ending_mid_run_is_renewed_once_and_the_run_continues()
    {
        _server.EndSessionsEvery = 1;
        _server.Advisories.Add(new("192.0.2.44", "RU", "악성코드 유포", new DateOnly(2026, 2, 3)));
        _server.Advisories.Add(new("192.0.2.55", "RU", "악성코드 유포", new DateOnly(2026, 5, 3)));

        var data = await CollectAsync(parameters: new() { ["start_date"] = "2026-01-01", ["end_date"] = "2026-06-30" });

        data.Observations.Select(o => o.Range.ToString()).ShouldBe(["192.0.2.44", "192.0.2.55"]);
        _server.Logins.ShouldBe(2);
        _server.Requests.Select(r => r.Path).ShouldBe(
        [
            "/login/loginForm", "/login/addLogin", "/fcti/securityAdvisory/advisoryListDownloadXlsx",
            "/fcti/securityAdvisory/advisoryListDownloadXlsx", "/login/loginForm", "/login/addLogin", "/fcti/securityAdvisory/advisoryListDownloadXlsx",
        ]);
    }

    [Fact]
    public async Task A_long_backfill_outliving_several_sessions_logs_in_again_each_time_it_made_progress()
    {
        _server.EndSessionsEvery = 1;
        _server.Advisories.Add(new("192.0.2.77", "RU", "악성코드 유포", new DateOnly(2026, 7, 3)));

        var data = await CollectAsync(parameters: new() { ["start_date"] = "2026-01-01", ["end_date"] = "2026-09-30" });

        data.Observations.Select(o => o.Range.ToString()).ShouldBe(["192.0.2.77", "203.0.113.10", "198.51.100.7", "2001:db8::66"]);
        _server.Logins.ShouldBe(3);
    }

    [Fact]
    public async Task A_fresh_session_the_portal_refuses_at_once_stops_the_run_instead_of_logging_in_again_and_again()
    {
        _server.AcceptSessions = false;

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.ProviderChanged);
        error.Message.ShouldContain("ended the session again right after a fresh login");
        _server.Logins.ShouldBe(2);
    }

    [Fact]
    public async Task The_session_of_a_login_is_kept_for_the_next_run()
    {
        await CollectAsync();
        await CollectAsync();

        _server.Logins.ShouldBe(1);
        _server.RequestsTo("/fcti/securityAdvisory/advisoryListDownloadXlsx").Count().ShouldBe(2);
        (await _harness.Credentials.GetStatusAsync(Source, Context().Settings, default)).LastLogin.ShouldBe(PortalHarness.Now);
    }

    [Fact]
    public async Task A_kept_session_the_portal_no_longer_accepts_is_dropped_and_the_collector_logs_in()
    {
        await _harness.Credentials.SetSessionAsync(Source, new SourceSession("regtech-va=Bearer revoked.token.value", _harness.Time.GetUtcNow().AddMinutes(30)), default);

        var data = await CollectAsync();

        data.Observations.Count.ShouldBe(3);
        _server.Logins.ShouldBe(1);
    }

    [Fact]
    public async Task Without_credentials_the_run_says_how_to_set_them()
    {
        await _harness.Credentials.DeleteCredentialsAsync(Source, default);

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.CredentialsMissing);
        error.Message.ShouldContain("PUT /api/sources/regtech/credentials");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Credentials_from_the_settings_or_environment_are_used_when_none_are_stored()
    {
        await _harness.Credentials.DeleteCredentialsAsync(Source, default);

        var data = await CollectAsync(settings: new() { ["Username"] = FakeRegtechServer.Username, ["Password"] = FakeRegtechServer.Password });

        data.Observations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_bad_date_parameter_fails_before_any_request_with_the_expected_form()
    {
        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync(parameters: new() { ["start_date"] = "2026/13/01" }));

        error.Message.ShouldBe("regtech: start_date '2026/13/01' is not a date; write it as YYYYMMDD or YYYY-MM-DD (e.g. 20260131 or 2026-01-31).");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Transient_server_errors_are_retried_and_refusals_are_not()
    {
        _server.FailNextRequests = 2;

        var data = await CollectAsync();

        data.Observations.Count.ShouldBe(3);
        _server.RequestsTo("/login/loginForm").Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_portal_that_keeps_failing_is_reported_as_a_server_error()
    {
        _server.FailNextRequests = 10;

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.ServerError);
        error.IsTransient.ShouldBeTrue();
        _server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_unreachable_portal_is_a_network_failure()
    {
        var closed = _server.BaseUrl;
        await _server.DisposeAsync();

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync(baseUrl: closed));

        error.Kind.ShouldBe(CollectionFailure.Network);
        error.Message.ShouldContain("BaseUrl");
    }

    [Fact]
    public async Task A_bad_setting_fails_the_run_naming_the_setting()
    {
        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync(settings: new() { ["MaxMonthsPerRequest"] = "6", ["BaseUrl"] = "regtech.example" }));

        error.Message.ShouldContain("Blacklist:Sources:regtech:MaxMonthsPerRequest: must be between 1 and 3");
        error.Message.ShouldContain("Blacklist:Sources:regtech:BaseUrl: must be an absolute http(s) URL");
    }

    private static string RegtechSessionCookieHeader(string value) => $"regtech-va={value}";

    private CollectionContext Context(
        Dictionary<string, string?>? settings = null,
        Dictionary<string, string>? parameters = null,
        RunTrigger trigger = RunTrigger.Scheduled,
        Uri? baseUrl = null)
    {
        var all = PortalHarness.FastSettings(Source, baseUrl ?? _server.BaseUrl);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return PortalHarness.Context(Source, all, parameters, trigger);
    }

    private Task<CollectedData> CollectAsync(
        Dictionary<string, string?>? settings = null,
        Dictionary<string, string>? parameters = null,
        RunTrigger trigger = RunTrigger.Scheduled,
        Uri? baseUrl = null)
        => _harness.Collector(Source).CollectAsync(Context(settings, parameters, trigger, baseUrl), default);
}
