using System.Collections.Concurrent;
using System.Globalization;
using Blacklist.Collectors.Tests.Regtech;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Blacklist.Collectors.Tests.Secudium;

/// <summary>
/// A local SECUDIUM: JSON login (<c>{"response":{"error","message","code","token"}}</c>, OTP when
/// the account needs one), the paged black-IP list (<c>page</c> from 1, <c>count</c> a page,
/// <c>{"total","rows"}</c>), row details, and the monthly report files. A missing or ended token
/// is answered <c>{"response":{"error":true,"code":"token.expired"}}</c>, as the portal does.
/// </summary>
internal sealed class FakeSecudiumServer : FakePortal
{
    public const string Username = "sk-soc-reader";
    public const string Password = "Secudium!pw-4821";
    public const string ValidOtp = "654321";

    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private int _dataRequests;

    private FakeSecudiumServer()
    {
    }

    public List<FakeAdvisory> BlackIps { get; } = [];

    /// <summary>Monthly reports: original file name, registration day, content.</summary>
    public List<(string Name, DateOnly RegisteredOn, FakeAdvisory[] Rows)> Reports { get; } = [];

    public bool RequireOtp { get; set; }

    /// <summary>List rows carry only an id and a title; the address is in the detail.</summary>
    public bool ListWithoutAddresses { get; set; }

    /// <summary>Every this many data requests, every token ends.</summary>
    public int? EndTokensEvery { get; set; }

    public int Logins { get; private set; }

    public static async Task<FakeSecudiumServer> StartNewAsync()
    {
        var server = new FakeSecudiumServer();
        await server.StartAsync();
        return server;
    }

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/isap-api/loginProcess", (HttpContext context) =>
        {
            var form = context.Request.Form;
            if (form["lang"] != "ko" || form["is_expire"] != "Y")
            {
                return Answer(error: true, "already.login", "이미 로그인된 사용자입니다.");
            }

            if (form["login_name"] != Username || form["password"] != Password)
            {
                return Answer(error: true, "login.fail", "아이디 또는 비밀번호가 일치하지 않습니다.");
            }

            if (RequireOtp && (form["is_otp"] != "Y" || string.IsNullOrEmpty(form["otp_value"])))
            {
                return Answer(error: true, "otp.required", "OTP 인증이 필요합니다.");
            }

            if (RequireOtp && form["otp_value"] != ValidOtp)
            {
                return Answer(error: true, "otp.fail", "OTP 번호가 일치하지 않습니다.");
            }

            Logins++;
            var token = "tok-" + Guid.NewGuid().ToString("N");
            _tokens[token] = 0;
            return Answer(error: false, "login.success", "로그인 되었습니다.", token);
        });

        app.MapGet("/isap-api/secinfo/list/black_ip", (HttpContext context) =>
        {
            if (!Authorized(context))
            {
                return TokenExpired();
            }

            var query = context.Request.Query;
            if (query["dateKey"] != "i.reg_date")
            {
                return Results.BadRequest();
            }

            var rows = InWindow(BlackIps, a => a.DetectedOn, query["sdate"], query["edate"]);
            return Page(rows.Select((a, i) => ListRow(a, i + 1)), rows.Count, query);
        });

        app.MapGet("/isap-api/secinfo/view/black_ip/{id:int}", (HttpContext context, int id) =>
        {
            if (!Authorized(context))
            {
                return TokenExpired();
            }

            var ordered = BlackIps.OrderBy(a => a.DetectedOn).ToList();
            return id < 1 || id > ordered.Count ? Results.NotFound() : Results.Json(new { response = Detail(ordered[id - 1], id) });
        });

        app.MapGet("/isap-api/secinfo/file/list", (HttpContext context) =>
        {
            if (!Authorized(context))
            {
                return TokenExpired();
            }

            var query = context.Request.Query;
            var files = InWindow(Reports, r => r.RegisteredOn, query["sdate"], query["edate"]);
            return Page(
                files.Select((r, i) => (object)new { seq = i + 1, fileString255 = r.Name, sefileString255 = StoredName(r.Name), reg_date = $"{r.RegisteredOn:yyyy-MM-dd} 01:26:06" }),
                files.Count,
                query);
        });

        app.MapGet("/isap-api/file/SECINFO/download", (HttpContext context) =>
        {
            if (!Authorized(context))
            {
                return TokenExpired();
            }

            var report = Reports.FirstOrDefault(r => StoredName(r.Name) == context.Request.Query["fileName"]);
            if (report.Name is null)
            {
                return Results.Json(new { response = new { error = true, code = "file.notfound", message = "관리자에게 문의해 주세요" } });
            }

            var layout = new WorkbookLayout
            {
                Columns = [("No", AdvisoryColumn.Remark), ("IP Address", AdvisoryColumn.Address), ("Country", AdvisoryColumn.Country), ("공격유형", AdvisoryColumn.Reason), ("탐지일자", AdvisoryColumn.Detected)],
                RowsAboveHeader = [$"SK쉴더스 블랙리스트 {report.Name}"],
                Dates = DateStyle.Serial,
            };
            return FakeRegtechServer.Xlsx(AdvisoryWorkbookBuilder.Build(report.Rows, layout));
        });
    }

    private static string StoredName(string name) => "sf-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(name))[..16].ToLowerInvariant();

    private object ListRow(FakeAdvisory advisory, int id)
        => ListWithoutAddresses ? new { id, data = new object[] { string.Empty, string.Empty, $"블랙리스트 {advisory.DetectedOn:yyyy-MM-dd}" } } : Detail(advisory, id);

    private static object Detail(FakeAdvisory advisory, int id)
        => new { id, ip = advisory.Address, country = advisory.Country, attack_type = advisory.Reason, reg_date = $"{advisory.DetectedOn:yyyy-MM-dd} 09:15:00" };

    private static List<T> InWindow<T>(IEnumerable<T> items, Func<T, DateOnly> day, string? sdate, string? edate)
    {
        var start = DateOnly.ParseExact(sdate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(edate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [.. items.Where(i => day(i) >= start && day(i) <= end).OrderBy(day)];
    }

    private static IResult Page(IEnumerable<object> rows, int total, IQueryCollection query)
    {
        var count = int.Parse(query["count"]!, CultureInfo.InvariantCulture);
        var page = int.Parse(query["page"]!, CultureInfo.InvariantCulture);
        return Results.Json(new { total, rows = rows.Skip((page - 1) * count).Take(count).ToList() });
    }

    private bool Authorized(HttpContext context)
    {
        var token = context.Request.Query["X-Auth-Token"].ToString();
        var valid = token.Length > 0 && token == context.Request.Headers["X-Auth-Token"].ToString() && _tokens.ContainsKey(token);
        if (valid && EndTokensEvery is { } every && Interlocked.Increment(ref _dataRequests) % every == 0)
        {
            _tokens.Clear();
        }

        return valid;
    }

    private static IResult TokenExpired() => Answer(error: true, "token.expired", "세션이 만료되었습니다. 다시 로그인해 주세요.");

    private static IResult Answer(bool error, string code, string message, string? token = null)
        => Results.Json(new { response = new { error, message, code, token } });
}
