using System.Net;
using AngleSharp.Html.Parser;
using Blacklist.Collectors.Polite;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// What REGTECH's pages mean. The portal speaks in redirects and HTML, not status codes: a
/// login succeeded when it redirects to <c>/main</c> or shows 로그아웃 / 마이페이지; it wants
/// SMS verification when the page asks for an 인증번호; a data request whose session ended
/// is redirected to (or answered with) the login form.
/// </summary>
internal static class RegtechPages
{
    public const string LoginFormPath = "login/loginForm";
    public const string LoginPath = "login/addLogin";
    public const string WorkbookPath = "fcti/securityAdvisory/advisoryListDownloadXlsx";
    public const string ListPath = "fcti/securityAdvisory/advisoryList?tabSort=blacklist";

    /// <summary>Hidden fields of the login form the login post echoes back.</summary>
    public static readonly string[] HiddenLoginFields = ["txId", "token", "memberId"];

    private static readonly string[] SignedInMarkers = ["로그아웃", "마이페이지"];
    private static readonly string[] SmsMarkers = ["인증번호", "SMS 인증", "SMS인증", "휴대폰 인증", "문자 인증", "smsAuth", "smsCertNo"];

    public static LoginOutcome ClassifyLogin(PortalResponse response)
    {
        if (response.IsRedirect)
        {
            var path = response.Location?.AbsolutePath.TrimEnd('/') ?? string.Empty;
            return path.EndsWith("/main", StringComparison.OrdinalIgnoreCase) ? LoginOutcome.SignedIn
                : path.Contains("sms", StringComparison.OrdinalIgnoreCase) ? LoginOutcome.SmsRequired
                : path.Contains("login", StringComparison.OrdinalIgnoreCase) ? LoginOutcome.Refused
                : LoginOutcome.Unrecognised;
        }

        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return LoginOutcome.Refused;
        }

        if (!response.IsSuccess || !response.LooksLikeHtml)
        {
            return LoginOutcome.Unrecognised;
        }

        var html = response.Text;
        return ContainsAny(html, SmsMarkers) ? LoginOutcome.SmsRequired
            : HasLoginForm(html) ? LoginOutcome.Refused
            : ContainsAny(html, SignedInMarkers) ? LoginOutcome.SignedIn
            : LoginOutcome.Unrecognised;
    }

    /// <summary>The answer to a data request says the session is gone (login form, redirect to it, 401).</summary>
    public static bool IsSignedOut(PortalResponse response)
    {
        if (response.IsRedirect)
        {
            return response.Location?.AbsolutePath.Contains("login", StringComparison.OrdinalIgnoreCase) ?? false;
        }

        return response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.IsSuccess && !response.IsZip && response.LooksLikeHtml && HasLoginForm(response.Text));
    }

    /// <summary>The SMS verification page (shown to a session that has not passed it).</summary>
    public static bool AsksForSms(PortalResponse response)
        => response.IsSuccess && !response.IsZip && response.LooksLikeHtml && ContainsAny(response.Text, SmsMarkers);

    /// <summary>The login form's hidden fields (empty when the form has none).</summary>
    public static Dictionary<string, string> HiddenFields(string loginFormHtml)
    {
        var document = new HtmlParser().ParseDocument(loginFormHtml);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in HiddenLoginFields)
        {
            fields[name] = document.QuerySelector($"input[name='{name}']")?.GetAttribute("value") ?? string.Empty;
        }

        return fields;
    }

    private static bool HasLoginForm(string html)
        => html.Contains("addLogin", StringComparison.OrdinalIgnoreCase)
            || html.Contains("name=\"password\"", StringComparison.OrdinalIgnoreCase)
            || html.Contains("name='password'", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsAny(string text, string[] markers)
        => markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
}

internal enum LoginOutcome
{
    SignedIn,
    SmsRequired,
    Refused,
    Unrecognised,
}
