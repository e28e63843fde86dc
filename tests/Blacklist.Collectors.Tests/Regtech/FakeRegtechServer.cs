using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Blacklist.Collectors.Tests.Regtech;

/// <summary>
/// A local REGTECH: the login form (session cookie, hidden txId/token/memberId), the login post
/// (redirect to /main and a <c>regtech-va: Bearer JWT</c> cookie, or the form again with an
/// error, or the SMS verification page), the Excel download (at most three months, else 400)
/// and the paged HTML list. Data requests without a live session are redirected to the login form.
/// </summary>
internal sealed class FakeRegtechServer : FakePortal
{
    public const string Username = "fsi-analyst";
    public const string Password = "Pa55w0rd!regtech#2026";
    public const string TxId = "TX-7781";
    public const string CsrfToken = "csrf-5f2c";
    public const string MemberId = "M000123";

    private readonly ConcurrentDictionary<string, byte> _formSessions = new();
    private readonly ConcurrentDictionary<string, byte> _liveTokens = new();
    private int _dataRequests;

    private FakeRegtechServer()
    {
    }

    public List<FakeAdvisory> Advisories { get; } = [];

    /// <summary>Logins are answered with the SMS verification page (a browser session still works).</summary>
    public bool RequireSms { get; set; }

    /// <summary>Every this many data requests, every session ends (the portal's one-hour limit, compressed).</summary>
    public int? EndSessionsEvery { get; set; }

    /// <summary>False: every session ends as soon as it is made (a portal whose login is broken).</summary>
    public bool AcceptSessions { get; set; } = true;

    /// <summary>The portal's clock, for the JWT's expiry.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public WorkbookLayout Layout { get; set; } = WorkbookLayout.Default;

    /// <summary>Replaces the Excel answer for a window (tiny, HTML, stale, missing…).</summary>
    public Func<DateOnly, DateOnly, IResult>? WorkbookAnswer { get; set; }

    /// <summary>Replaces the HTML list's answer for a page.</summary>
    public Func<int, IResult>? ListAnswer { get; set; }

    public int Logins { get; private set; }

    public static async Task<FakeRegtechServer> StartNewAsync()
    {
        var server = new FakeRegtechServer();
        await server.StartAsync();
        return server;
    }

    /// <summary>A session a browser got (after SMS verification): the portal accepts its cookie value.</summary>
    public string IssueBrowserSession(DateTimeOffset expiresAt)
    {
        var value = "Bearer " + Jwt(expiresAt);
        _liveTokens[value] = 0;
        return value;
    }

    /// <summary>The advisories of a window as the portal's workbook.</summary>
    public byte[] Workbook(DateOnly start, DateOnly end) => AdvisoryWorkbookBuilder.Build(InWindow(start, end), Layout);

    public static IResult Xlsx(byte[] bytes)
        => Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "blacklist.xlsx");

    protected override void MapRoutes(WebApplication app)
    {
        app.MapGet("/login/loginForm", (HttpContext context) =>
        {
            var session = Guid.NewGuid().ToString("N");
            _formSessions[session] = 0;
            context.Response.Cookies.Append("JSESSIONID", session, new CookieOptions { Path = "/", HttpOnly = true });
            return Html(LoginForm(error: null));
        });

        app.MapPost("/login/addLogin", (HttpContext context) =>
        {
            var form = context.Request.Form;
            var known = RecordedRequest.CookiesOf(context.Request).TryGetValue("JSESSIONID", out var session) && _formSessions.ContainsKey(session);
            if (!known || form["txId"] != TxId || form["token"] != CsrfToken || form["memberId"] != MemberId)
            {
                return Results.Redirect("/login/loginForm?login_error=expired");
            }

            if (form["username"] != Username || form["password"] != Password)
            {
                return Html(LoginForm(error: "아이디 또는 비밀번호가 일치하지 않습니다."));
            }

            if (RequireSms)
            {
                return Html("""
                    <html><body><h2>SMS 인증</h2>
                    <p>등록된 휴대폰으로 전송된 인증번호를 입력하세요.</p>
                    <form action="/login/smsAuth" method="post"><input name="smsAuthNo"/><input type="hidden" name="smsTimeExcess" value="N"/></form>
                    </body></html>
                    """);
            }

            Logins++;
            var value = "Bearer " + Jwt(Clock.GetUtcNow().AddHours(1));
            if (AcceptSessions)
            {
                _liveTokens[value] = 0;
            }

            // Written raw, as the portal does: the value has a space.
            context.Response.Headers.Append("Set-Cookie", $"regtech-va={value}; Path=/; HttpOnly");
            return Results.Redirect("/main");
        });

        app.MapGet("/main", () => Html("<html><body><a href='/logout'>로그아웃</a> <a href='/mypage'>마이페이지</a></body></html>"));

        app.MapPost("/fcti/securityAdvisory/advisoryListDownloadXlsx", (HttpContext context) =>
        {
            if (!SignedIn(context))
            {
                return Results.Redirect("/login/loginForm");
            }

            var form = context.Request.Form;
            if (!TryWindow(form["startDate"], form["endDate"], out var start, out var end) || end > start.AddMonths(3))
            {
                return Results.BadRequest("조회 기간은 최대 3개월입니다.");
            }

            return WorkbookAnswer?.Invoke(start, end) ?? Xlsx(Workbook(start, end));
        });

        app.MapPost("/fcti/securityAdvisory/advisoryList", (HttpContext context) =>
        {
            if (context.Request.Query["tabSort"] != "blacklist")
            {
                return Results.NotFound();
            }

            if (!SignedIn(context))
            {
                return Results.Redirect("/login/loginForm");
            }

            var form = context.Request.Form;
            if (!TryWindow(form["startDate"], form["endDate"], out var start, out var end))
            {
                return Results.BadRequest("기간 오류");
            }

            var page = int.Parse(form["page"]!, CultureInfo.InvariantCulture);
            if (ListAnswer?.Invoke(page) is { } answer)
            {
                return answer;
            }

            var size = int.Parse(form["size"]!, CultureInfo.InvariantCulture);
            return Html(ListPage(InWindow(start, end).Skip(page * size).Take(size).ToList()));
        });
    }

    public static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    private bool SignedIn(HttpContext context)
    {
        if (EndSessionsEvery is { } every && Interlocked.Increment(ref _dataRequests) % every == 0)
        {
            // This request is still served; every session ends right after it.
            var live = RecordedRequest.CookiesOf(context.Request).TryGetValue("regtech-va", out var v) && _liveTokens.ContainsKey(v);
            _liveTokens.Clear();
            return live;
        }

        return RecordedRequest.CookiesOf(context.Request).TryGetValue("regtech-va", out var value) && _liveTokens.ContainsKey(value);
    }

    private List<FakeAdvisory> InWindow(DateOnly start, DateOnly end)
        => [.. Advisories.Where(a => a.DetectedOn >= start && a.DetectedOn <= end).OrderBy(a => a.DetectedOn)];

    private static bool TryWindow(string? start, string? end, out DateOnly first, out DateOnly last)
    {
        last = default;
        return DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
            && DateOnly.TryParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last)
            && first <= last;
    }

    private static string LoginForm(string? error) => $"""
        <html><body>
        {(error is null ? string.Empty : $"<p class='error'>{error}</p>")}
        <form id="loginForm" action="/login/addLogin" method="post">
          <input type="hidden" name="txId" value="{TxId}"/>
          <input type="hidden" name="token" value="{CsrfToken}"/>
          <input type="hidden" name="memberId" value="{MemberId}"/>
          <input type="hidden" name="login_error" value=""/>
          <input type="text" name="username"/>
          <input type="password" name="password"/>
        </form></body></html>
        """;

    private static string ListPage(List<FakeAdvisory> rows)
    {
        var html = new StringBuilder("<html><body><table class='board_list'><thead><tr><th>번호</th><th>IP</th><th>국가</th><th>탐지사유</th><th>등록일</th><th>해제일</th></tr></thead><tbody>");
        if (rows.Count == 0)
        {
            html.Append("<tr><td colspan='6'>데이터가 없습니다.</td></tr>");
        }

        var number = 0;
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{++number}</td><td>{WebUtility.HtmlEncode(row.Address)}</td><td>{row.Country}</td><td>{WebUtility.HtmlEncode(row.Reason)}</td><td>{row.DetectedOn:yyyy-MM-dd}</td><td>{(row.ReleasedOn is { } r ? r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-")}</td></tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }

    private static string Jwt(DateTimeOffset expiresAt)
    {
        static string Part(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part(new { alg = "HS256", typ = "JWT" })}.{Part(new { sub = Username, exp = expiresAt.ToUnixTimeSeconds(), nonce = Guid.NewGuid() })}.c2lnbmF0dXJl";
    }
}
