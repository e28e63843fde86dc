using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Tests.Credentials;
using Blacklist.Collectors.Tests.Regtech;

namespace Blacklist.Collectors.Tests.Secudium;

public sealed class SecudiumCollectorTests : IAsyncLifetime
{
    private const string Source = "secudium";
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private FakeSecudiumServer _server = null!;
    private PortalHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = new PortalHarness();
        _server = await FakeSecudiumServer.StartNewAsync();
        for (var i = 1; i <= 5; i++)
        {
            _server.BlackIps.Add(new FakeAdvisory($"203.0.113.{i}", "CN", "Brute Force", new DateOnly(2026, 8, 17 + (i % 3))));
        }

        await _harness.Credentials.SetCredentialsAsync(Source, new SourceCredentials(FakeSecudiumServer.Username, FakeSecudiumServer.Password), default);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task The_list_is_read_page_by_page_until_the_total_is_reached()
    {
        var data = await CollectAsync(settings: new() { ["PageSize"] = "2" });

        data.Observations.Select(o => o.Range.ToString()).Order().ShouldBe(["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"]);
        data.Observations.ShouldAllBe(o => o.Category == "secudium" && o.Country == "CN" && o.Reason == "Brute Force");
        data.Observations.Single(o => o.Range.ToString() == "203.0.113.1").DetectedAt.ShouldBe(new DateTimeOffset(2026, 8, 18, 9, 15, 0, Kst));
        data.Issues.ShouldBeEmpty();
        var pages = _server.RequestsTo("/isap-api/secinfo/list/black_ip").ToList();
        pages.Select(p => p.Query["page"]).ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public async Task Requests_carry_the_documented_form_fields_query_and_token()
    {
        await CollectAsync(settings: new() { ["PageSize"] = "1000" });

        var login = _server.RequestsTo("/isap-api/loginProcess").ShouldHaveSingleItem();
        login.Method.ShouldBe("POST");
        login.Headers["Content-Type"].ShouldStartWith("application/x-www-form-urlencoded");
        login.Headers["User-Agent"].ShouldBe("blacklist/1.0");
        login.Form.ShouldBe(new Dictionary<string, string>
        {
            ["lang"] = "ko",
            ["is_otp"] = "N",
            ["is_expire"] = "Y",
            ["login_name"] = FakeSecudiumServer.Username,
            ["password"] = FakeSecudiumServer.Password,
            ["otp_value"] = string.Empty,
        }, ignoreOrder: true);

        var list = _server.RequestsTo("/isap-api/secinfo/list/black_ip").ShouldHaveSingleItem();
        list.Method.ShouldBe("GET");
        list.Query["X-Auth-Token"].ShouldStartWith("tok-");
        list.Headers["X-Auth-Token"].ShouldBe(list.Query["X-Auth-Token"]);
        list.Headers["User-Agent"].ShouldBe("blacklist/1.0");
        list.Query.ShouldBe(new Dictionary<string, string>
        {
            ["X-Auth-Token"] = list.Query["X-Auth-Token"],
            ["sdate"] = "2026-08-17",
            ["edate"] = "2026-08-20",
            ["dateKey"] = "i.reg_date",
            ["count"] = "1000",
            ["page"] = "1",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task Without_an_otp_an_otp_account_fails_with_what_to_send()
    {
        _server.RequireOtp = true;

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.OtpRequired);
        error.Message.ShouldBe("SECUDIUM requires an OTP for this account: trigger with {\"otp\":\"123456\"}");
        (await _harness.Lockout.GetStateAsync(Source, default)).ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public async Task With_the_otp_parameter_the_login_sends_it_and_succeeds()
    {
        _server.RequireOtp = true;

        var data = await CollectAsync(parameters: new() { ["otp"] = FakeSecudiumServer.ValidOtp }, trigger: RunTrigger.Manual);

        data.Observations.Count.ShouldBe(5);
        var login = _server.RequestsTo("/isap-api/loginProcess").ShouldHaveSingleItem();
        (login.Form["is_otp"], login.Form["otp_value"]).ShouldBe(("Y", FakeSecudiumServer.ValidOtp));

        // The token is kept, so the next scheduled run needs no OTP while it lasts.
        (await CollectAsync()).Observations.Count.ShouldBe(5);
        _server.Logins.ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_otp_is_reported_and_counted_as_a_refused_login()
    {
        _server.RequireOtp = true;

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync(parameters: new() { ["otp"] = "000000" }));

        error.Kind.ShouldBe(CollectionFailure.OtpRequired);
        error.Message.ShouldContain("rejected the OTP (OTP 번호가 일치하지 않습니다.)");
        (await _harness.Lockout.GetStateAsync(Source, default)).ConsecutiveFailures.ShouldBe(1);
    }

    [Fact]
    public async Task Wrong_password_fails_as_bad_credentials_with_the_portals_words()
    {
        await _harness.Credentials.SetCredentialsAsync(Source, new SourceCredentials(FakeSecudiumServer.Username, "not-it"), default);

        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        error.Kind.ShouldBe(CollectionFailure.BadCredentials);
        error.Message.ShouldContain("아이디 또는 비밀번호가 일치하지 않습니다.");
        error.Message.ShouldContain("PUT /api/sources/secudium/credentials");
        (await _harness.Lockout.GetStateAsync(Source, default)).ConsecutiveFailures.ShouldBe(1);
    }

    [Fact]
    public async Task A_token_ending_mid_run_is_renewed_once_and_paging_continues()
    {
        _server.EndTokensEvery = 2;

        var data = await CollectAsync(settings: new() { ["PageSize"] = "2" });

        data.Observations.Count.ShouldBe(5);
        _server.Logins.ShouldBe(2);
        _server.RequestsTo("/isap-api/secinfo/list/black_ip").Select(r => r.Query["page"]).ShouldBe(["1", "2", "3", "3"]);
    }

    [Fact]
    public async Task Rows_without_an_address_are_completed_from_their_detail()
    {
        _server.ListWithoutAddresses = true;

        var data = await CollectAsync();

        data.Observations.Select(o => o.Range.ToString()).Order().ShouldBe(["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"]);
        _server.RequestsTo("/isap-api/secinfo/view/black_ip/3").ShouldHaveSingleItem().Query["X-Auth-Token"].ShouldStartWith("tok-");
        data.Observations.ShouldAllBe(o => o.Reason == "Brute Force" && o.DetectedAt != null);
    }

    [Fact]
    public async Task Reports_mode_reads_the_monthly_workbooks_of_the_window_by_header_text()
    {
        _server.Reports.Add(("블랙리스트_2026-07.xlsx", new DateOnly(2026, 8, 1), [new("192.0.2.10", "RU", "Botnet C2", new DateOnly(2026, 7, 15)), new("192.0.2.11", "KP", "Phishing", new DateOnly(2026, 7, 20))]));
        _server.Reports.Add(("블랙리스트_2026-05.xlsx", new DateOnly(2026, 6, 1), [new("192.0.2.99", "RU", "old", new DateOnly(2026, 5, 1))]));

        var data = await CollectAsync(settings: new() { ["Mode"] = "Reports" });

        data.Observations.Select(o => (o.Range.ToString(), o.Country, o.Reason, o.DetectedAt)).ShouldBe(
        [
            ("192.0.2.10", "RU", "Botnet C2", new DateTimeOffset(2026, 7, 15, 0, 0, 0, Kst)),
            ("192.0.2.11", "KP", "Phishing", new DateTimeOffset(2026, 7, 20, 0, 0, 0, Kst)),
        ]);
        data.Note.ShouldBe("1 reports for 2026-07-20..2026-08-20");
        var download = _server.RequestsTo("/isap-api/file/SECINFO/download").ShouldHaveSingleItem();
        download.Query["orgName"].ShouldBe("블랙리스트_2026-07.xlsx");
        download.Query["fileName"].ShouldStartWith("sf-");
    }

    [Fact]
    public async Task A_portal_path_that_does_not_exist_is_reported_as_not_found()
    {
        var error = await Should.ThrowAsync<CollectionException>(() => CollectAsync(settings: new() { ["BaseUrl"] = new Uri(_server.BaseUrl, "nothing-here/").AbsoluteUri }));

        error.Kind.ShouldBe(CollectionFailure.NotFound);
    }

    private Task<CollectedData> CollectAsync(
        Dictionary<string, string?>? settings = null,
        Dictionary<string, string>? parameters = null,
        RunTrigger trigger = RunTrigger.Scheduled)
    {
        var all = PortalHarness.FastSettings(Source, _server.BaseUrl);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return _harness.Collector(Source).CollectAsync(PortalHarness.Context(Source, all, parameters, trigger), default);
    }
}
