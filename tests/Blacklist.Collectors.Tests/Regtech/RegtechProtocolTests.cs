using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Tests.Credentials;
using Microsoft.AspNetCore.Http;

namespace Blacklist.Collectors.Tests.Regtech;

/// <summary>The collector's requests, as the portal receives them, match REGTECH's protocol (issue 4).</summary>
public sealed class RegtechProtocolTests : IAsyncLifetime
{
    private FakeRegtechServer _server = null!;
    private PortalHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = new PortalHarness();
        _server = await FakeRegtechServer.StartNewAsync();
        _server.Clock = _harness.Time;
        _server.Advisories.Add(new("203.0.113.10", "CN", "SSH 무차별 대입", new DateOnly(2026, 8, 18)));
        await _harness.Credentials.SetCredentialsAsync("regtech", new SourceCredentials(FakeRegtechServer.Username, FakeRegtechServer.Password), default);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Login_download_and_list_requests_carry_the_documented_paths_fields_headers_and_cookies()
    {
        // The workbook is unusable, so the run also exercises the HTML list.
        _server.WorkbookAnswer = (_, _) => Results.NotFound();

        await _harness.Collector("regtech").CollectAsync(
            PortalHarness.Context("regtech", new Dictionary<string, string?>(PortalHarness.FastSettings("regtech", _server.BaseUrl)) { ["PageSize"] = "50" }),
            default);

        var requests = _server.Requests.ToList();
        requests.Select(r => $"{r.Method} {r.Path}").ShouldBe(
        [
            "GET /login/loginForm",
            "POST /login/addLogin",
            "POST /fcti/securityAdvisory/advisoryListDownloadXlsx",
            "POST /fcti/securityAdvisory/advisoryList",
            "POST /fcti/securityAdvisory/advisoryList",
        ]);
        requests.ShouldAllBe(r => r.Headers["User-Agent"] == "blacklist/1.0");

        var form = requests[0];
        form.Cookies.ShouldBeEmpty();

        var login = requests[1];
        login.Headers["Content-Type"].ShouldStartWith("application/x-www-form-urlencoded");
        login.Cookies.Keys.ShouldBe(["JSESSIONID"]);
        login.Form.ShouldBe(new Dictionary<string, string>
        {
            ["username"] = FakeRegtechServer.Username,
            ["password"] = FakeRegtechServer.Password,
            ["login_error"] = string.Empty,
            ["smsTimeExcess"] = "N",
            ["txId"] = FakeRegtechServer.TxId,
            ["token"] = FakeRegtechServer.CsrfToken,
            ["memberId"] = FakeRegtechServer.MemberId,
        }, ignoreOrder: true);
        login.Headers["Referer"].ShouldBe(new Uri(_server.BaseUrl, "login/loginForm").AbsoluteUri);

        var download = requests[2];
        download.Cookies["regtech-va"].ShouldStartWith("Bearer ");
        download.Cookies.ShouldContainKey("JSESSIONID");
        download.Form.ShouldBe(new Dictionary<string, string>
        {
            ["tabSort"] = "blacklist",
            ["excelDownload"] = "blacklist,",
            ["startDate"] = "2026-08-17",
            ["endDate"] = "2026-08-20",
            ["findCondition"] = "all",
            ["findKeyword"] = string.Empty,
            ["excelDown"] = "blacklist",
        }, ignoreOrder: true);

        var list = requests[3];
        list.Query["tabSort"].ShouldBe("blacklist");
        list.Cookies["regtech-va"].ShouldBe(download.Cookies["regtech-va"]);
        list.Form.ShouldBe(new Dictionary<string, string>
        {
            ["page"] = "0",
            ["size"] = "50",
            ["tabSort"] = "blacklist",
            ["startDate"] = "2026-08-17",
            ["endDate"] = "2026-08-20",
            ["findCondition"] = "all",
            ["findKeyword"] = string.Empty,
        }, ignoreOrder: true);
        requests[4].Form["page"].ShouldBe("1");
    }

    [Fact]
    public async Task Requests_to_one_source_never_overlap_even_from_two_runs_at_once()
    {
        var settings = PortalHarness.FastSettings("regtech", _server.BaseUrl);
        var runs = Enumerable.Range(0, 2).Select(_ => _harness.Collector("regtech").CollectAsync(PortalHarness.Context("regtech", settings), default));

        await Task.WhenAll(runs);

        _server.Requests.Count.ShouldBeGreaterThanOrEqualTo(4);
        _server.MostInFlight.ShouldBe(1);
    }
}
