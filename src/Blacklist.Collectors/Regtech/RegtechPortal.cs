using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Polite;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// One run's signed-in REGTECH session: starts from a stored session (pasted by an operator or
/// kept from an earlier login) while it is valid, else logs in; when the portal ends the
/// session mid-run it logs in again once and repeats the request. A long backfill may outlive
/// several sessions, so renewals are not counted; a fresh session refused at once stops the run.
/// </summary>
internal sealed class RegtechPortal
{
    private readonly PoliteHttpSession _http;
    private readonly CollectionContext _context;
    private readonly RegtechSettings _settings;
    private readonly SourceCredentialStore _credentials;
    private readonly AuthFailureLockout _lockout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private SessionOrigin _origin = SessionOrigin.None;

    public RegtechPortal(PoliteHttpSession http, CollectionContext context, RegtechSettings settings, PortalServices services, ILogger logger)
    {
        _http = http;
        _context = context;
        _settings = settings;
        _credentials = services.Credentials;
        _lockout = services.Lockout;
        _time = services.Time;
        _logger = logger;
    }

    private enum SessionOrigin
    {
        None,
        Stored,
        Pasted,
        Login,
    }

    private string Source => _context.Source;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (await _credentials.GetValidSessionAsync(Source, cancellationToken) is { } session)
        {
            _http.AddCookieHeader(session.Secret);
            _origin = session.Pasted ? SessionOrigin.Pasted : SessionOrigin.Stored;
            RegtechLog.ReusingSession(_logger, Source, session.Pasted, session.ExpiresAt);
            return;
        }

        await LoginAsync(cancellationToken);
    }

    /// <summary>Asks for the blacklist workbook of one window (at most three months).</summary>
    public Task<PortalResponse> DownloadWorkbookAsync(DateWindow window, CancellationToken cancellationToken)
        => SendSignedInAsync(
            () => _http.PostFormAsync(
                RegtechPages.WorkbookPath,
                [
                    new("tabSort", "blacklist"),
                    new("excelDownload", "blacklist,"),
                    new("startDate", $"{window.Start:yyyy-MM-dd}"),
                    new("endDate", $"{window.End:yyyy-MM-dd}"),
                    new("findCondition", "all"),
                    new("findKeyword", string.Empty),
                    new("excelDown", "blacklist"),
                ],
                Referer("fcti/securityAdvisory/advisoryList"),
                cancellationToken),
            cancellationToken);

    /// <summary>Asks for one page (0-based) of the HTML blacklist list.</summary>
    public Task<PortalResponse> ListPageAsync(DateWindow window, int page, CancellationToken cancellationToken)
        => SendSignedInAsync(
            () => _http.PostFormAsync(
                RegtechPages.ListPath,
                [
                    new("page", $"{page}"),
                    new("size", $"{_settings.PageSize}"),
                    new("tabSort", "blacklist"),
                    new("startDate", $"{window.Start:yyyy-MM-dd}"),
                    new("endDate", $"{window.End:yyyy-MM-dd}"),
                    new("findCondition", "all"),
                    new("findKeyword", string.Empty),
                ],
                Referer("fcti/securityAdvisory/advisoryList"),
                cancellationToken),
            cancellationToken);

    private async Task<PortalResponse> SendSignedInAsync(Func<Task<PortalResponse>> send, CancellationToken cancellationToken)
    {
        var response = await send();
        if (RegtechPages.AsksForSms(response))
        {
            throw SmsRequired();
        }

        if (!RegtechPages.IsSignedOut(response))
        {
            return response;
        }

        await ReopenAsync(cancellationToken);
        response = await send();
        if (RegtechPages.AsksForSms(response))
        {
            throw SmsRequired();
        }

        return RegtechPages.IsSignedOut(response)
            ? throw new CollectionException(
                CollectionFailure.ProviderChanged,
                $"REGTECH ended the session again right after a fresh login ({response.RequestUri.AbsolutePath} answered HTTP {(int)response.Status}); the portal may have changed how sessions work.")
            : response;
    }

    private async Task ReopenAsync(CancellationToken cancellationToken)
    {
        if (_origin == SessionOrigin.Login)
        {
            RegtechLog.SessionEnded(_logger, Source);
        }
        else
        {
            // A stored session the portal no longer accepts: forget it and log in.
            await _credentials.DeleteSessionAsync(Source, cancellationToken);
        }

        await LoginAsync(cancellationToken);
    }

    private async Task LoginAsync(CancellationToken cancellationToken)
    {
        await _lockout.ThrowIfPausedAsync(Source, cancellationToken);
        var account = await _credentials.ResolveAsync(Source, _context.Settings, cancellationToken)
            ?? throw new CollectionException(
                CollectionFailure.CredentialsMissing,
                _origin == SessionOrigin.Pasted
                    ? $"The pasted REGTECH session of source '{Source}' has ended and no credentials are set: paste a fresh session cookie with PUT /api/sources/{Source}/session, or set credentials with PUT /api/sources/{Source}/credentials."
                    : $"Source '{Source}' has no REGTECH credentials: set them with PUT /api/sources/{Source}/credentials (or Blacklist__Sources__{Source}__Username and __Password in the environment), or paste a browser session with PUT /api/sources/{Source}/session.");

        _http.ClearCookies();
        var form = await _http.GetAsync(RegtechPages.LoginFormPath, null, cancellationToken);
        if (!form.IsSuccess)
        {
            throw Unexpected(form, "the login form");
        }

        var hidden = RegtechPages.HiddenFields(form.Text);
        var answer = await _http.PostFormAsync(
            RegtechPages.LoginPath,
            [
                new("username", account.Username),
                new("password", account.Password),
                new("login_error", string.Empty),
                new("smsTimeExcess", "N"),
                new("txId", hidden["txId"]),
                new("token", hidden["token"]),
                new("memberId", hidden["memberId"]),
            ],
            Referer(RegtechPages.LoginFormPath),
            cancellationToken);

        var outcome = RegtechPages.ClassifyLogin(answer);
        if (outcome != LoginOutcome.SignedIn)
        {
            RegtechLog.LoginNotAccepted(_logger, Source, outcome);
        }

        switch (outcome)
        {
            case LoginOutcome.SignedIn:
                await SignedInAsync(cancellationToken);
                return;
            case LoginOutcome.SmsRequired:
                throw SmsRequired();
            case LoginOutcome.Refused:
                await _lockout.RecordFailureAsync(Source, _settings, cancellationToken);
                throw new CollectionException(
                    CollectionFailure.BadCredentials,
                    $"REGTECH refused the login of account '{account.Username}' for source '{Source}': wrong username or password. Fix them with PUT /api/sources/{Source}/credentials; after {_settings.LockoutAfterFailures} refusals in a row logins pause for {_settings.LockoutPause} so the account is not locked.");
            default:
                throw Unexpected(answer, "the login");
        }
    }

    private async Task SignedInAsync(CancellationToken cancellationToken)
    {
        _origin = SessionOrigin.Login;
        await _lockout.ResetAsync(Source, cancellationToken);
        await _credentials.RecordLoginAsync(Source, cancellationToken);
        RegtechLog.SignedIn(_logger, Source);
        if (_settings.SessionLifetime <= TimeSpan.Zero)
        {
            return;
        }

        // Keep the session for the next runs (fewer logins); the JWT's own expiry wins when it is sooner.
        var cookies = _http.CookieHeader;
        var expiresAt = _time.GetUtcNow() + _settings.SessionLifetime;
        if (RegtechSessionCookie.ExpiryOf(cookies) is { } jwtExpiry && jwtExpiry < expiresAt)
        {
            expiresAt = jwtExpiry;
        }

        if (cookies.Length > 0)
        {
            await _credentials.SetSessionAsync(Source, new SourceSession(cookies, expiresAt), cancellationToken);
        }
    }

    private CollectionException SmsRequired()
        => new(
            CollectionFailure.SmsTwoFactorRequired,
            $"REGTECH asks for SMS verification for this account: log in with a browser, then paste the session cookie ({RegtechSessionCookie.Name}) via PUT /api/sources/{Source}/session.");

    private static CollectionException Unexpected(PortalResponse response, string what)
        => (int)response.Status >= 500
            ? new CollectionException(CollectionFailure.ServerError, $"REGTECH failed while answering {what} (HTTP {(int)response.Status} from {response.RequestUri.AbsolutePath}); try again later.")
            : new CollectionException(
                CollectionFailure.ProviderChanged,
                $"REGTECH's answer to {what} was not recognised (HTTP {(int)response.Status} from {response.RequestUri.AbsolutePath}{(response.Location is { } l ? $", redirect to {l.AbsolutePath}" : string.Empty)}): the portal may have changed its pages.");

    private Dictionary<string, string> Referer(string path) => new() { ["Referer"] = _http.Resolve(path).AbsoluteUri };
}
