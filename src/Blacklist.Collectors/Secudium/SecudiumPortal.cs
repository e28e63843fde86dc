using System.Net;
using System.Text.Json;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Polite;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Secudium;

/// <summary>
/// One run's signed-in SECUDIUM session: a token from <c>POST /isap-api/loginProcess</c> (or one
/// kept from an earlier run while it is valid), sent as the <c>X-Auth-Token</c> query parameter
/// and header. When the portal rejects the token mid-run it logs in again once and repeats the
/// request; a fresh token refused at once stops the run.
/// </summary>
internal sealed class SecudiumPortal
{
    public const string OtpParameter = "otp";
    public const string LoginPath = "isap-api/loginProcess";
    private const string TokenName = "X-Auth-Token";

    private static readonly string[] ExpiredTokenMarkers = ["token", "session", "login", "expire", "auth"];

    private readonly PoliteHttpSession _http;
    private readonly CollectionContext _context;
    private readonly SecudiumSettings _settings;
    private readonly SourceCredentialStore _credentials;
    private readonly AuthFailureLockout _lockout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private string? _token;
    private bool _tokenFromLogin;

    public SecudiumPortal(PoliteHttpSession http, CollectionContext context, SecudiumSettings settings, PortalServices services, ILogger logger)
    {
        _http = http;
        _context = context;
        _settings = settings;
        _credentials = services.Credentials;
        _lockout = services.Lockout;
        _time = services.Time;
        _logger = logger;
    }

    private string Source => _context.Source;

    private string? Otp => _context.Parameters.FirstOrDefault(p => string.Equals(p.Key, OtpParameter, StringComparison.OrdinalIgnoreCase)).Value?.Trim() is { Length: > 0 } otp ? otp : null;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        // An OTP given with the trigger means "log in now with it", not "reuse the old token".
        if (Otp is null && await _credentials.GetValidSessionAsync(Source, cancellationToken) is { } session)
        {
            _token = session.Secret;
            SecudiumLog.ReusingToken(_logger, Source, session.ExpiresAt);
            return;
        }

        await LoginAsync(cancellationToken);
    }

    /// <summary>GETs a JSON answer with the token; the query is given without it.</summary>
    public async Task<JsonDocument> GetJsonAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var response = await GetSignedInAsync(path, query, cancellationToken);
        if (!response.IsSuccess)
        {
            throw Failed(response, path);
        }

        return ParseJson(response, path);
    }

    /// <summary>GETs a file with the token; the answer is returned as it came (the caller judges it).</summary>
    public Task<PortalResponse> GetFileAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        => GetSignedInAsync(path, query, cancellationToken);

    private async Task<PortalResponse> GetSignedInAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var response = await GetWithTokenAsync(path, query, cancellationToken);
        if (!IsTokenRejected(response))
        {
            return response;
        }

        SecudiumLog.TokenRejected(_logger, Source);
        if (!_tokenFromLogin)
        {
            // A kept token the portal no longer accepts: forget it.
            await _credentials.DeleteSessionAsync(Source, cancellationToken);
        }

        await LoginAsync(cancellationToken);
        response = await GetWithTokenAsync(path, query, cancellationToken);
        return IsTokenRejected(response)
            ? throw new CollectionException(
                CollectionFailure.ProviderChanged,
                $"SECUDIUM rejected the token of a fresh login ({path} answered HTTP {(int)response.Status}); the portal may have changed how it authenticates.")
            : response;
    }

    private Task<PortalResponse> GetWithTokenAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>> { new(TokenName, _token!) };
        parameters.AddRange(query);
        var url = path + "?" + string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return _http.GetAsync(url, new Dictionary<string, string> { [TokenName] = _token!, ["Accept"] = "application/json, */*" }, cancellationToken);
    }

    private async Task LoginAsync(CancellationToken cancellationToken)
    {
        await _lockout.ThrowIfPausedAsync(Source, cancellationToken);
        var account = await _credentials.ResolveAsync(Source, _context.Settings, cancellationToken)
            ?? throw new CollectionException(
                CollectionFailure.CredentialsMissing,
                $"Source '{Source}' has no SECUDIUM credentials: set them with PUT /api/sources/{Source}/credentials (or Blacklist__Sources__{Source}__Username and __Password in the environment).");

        var otp = Otp;
        var response = await _http.PostFormAsync(
            LoginPath,
            [
                new("lang", "ko"),
                new("is_otp", otp is null ? "N" : "Y"),
                new("is_expire", "Y"),
                new("login_name", account.Username),
                new("password", account.Password),
                new("otp_value", otp ?? string.Empty),
            ],
            new Dictionary<string, string> { ["Accept"] = "application/json, */*", ["X-Requested-With"] = "XMLHttpRequest" },
            cancellationToken);
        if (!response.IsSuccess)
        {
            throw Failed(response, LoginPath);
        }

        using var json = ParseJson(response, LoginPath);
        var answer = SecudiumJson.Body(json.RootElement);
        var error = SecudiumJson.Flag(SecudiumJson.Property(answer, "error")) ?? false;
        var code = SecudiumJson.Text(SecudiumJson.Property(answer, "code"));
        var message = SecudiumJson.Text(SecudiumJson.Property(answer, "message"));
        var token = SecudiumJson.Text(SecudiumJson.Property(answer, "token"));
        if (!error && token is not null)
        {
            await SignedInAsync(token, otp is not null, cancellationToken);
            return;
        }

        if (!error)
        {
            throw new CollectionException(CollectionFailure.ProviderChanged, "SECUDIUM accepted the login but sent no token; the portal may have changed its login answer.");
        }

        SecudiumLog.LoginNotAccepted(_logger, Source, code);
        var aboutOtp = $"{code} {message}".Contains("otp", StringComparison.OrdinalIgnoreCase);
        if (aboutOtp && otp is null)
        {
            throw new CollectionException(CollectionFailure.OtpRequired, "SECUDIUM requires an OTP for this account: trigger with {\"otp\":\"123456\"}");
        }

        await _lockout.RecordFailureAsync(Source, _settings, cancellationToken);
        throw aboutOtp
            ? new CollectionException(
                CollectionFailure.OtpRequired,
                $"SECUDIUM rejected the OTP ({message ?? code}): trigger again with a fresh one, {{\"otp\":\"123456\"}}.")
            : new CollectionException(
                CollectionFailure.BadCredentials,
                $"SECUDIUM refused the login of account '{account.Username}' for source '{Source}' ({message ?? code ?? "no reason given"}). Fix the credentials with PUT /api/sources/{Source}/credentials; after {_settings.LockoutAfterFailures} refusals in a row logins pause for {_settings.LockoutPause} so the account is not locked.");
    }

    private async Task SignedInAsync(string token, bool withOtp, CancellationToken cancellationToken)
    {
        _token = token;
        _tokenFromLogin = true;
        await _lockout.ResetAsync(Source, cancellationToken);
        await _credentials.RecordLoginAsync(Source, cancellationToken);
        SecudiumLog.SignedIn(_logger, Source, withOtp);
        if (_settings.SessionLifetime > TimeSpan.Zero)
        {
            // Keeping the token spares the next runs a login (and an OTP) while it lasts.
            await _credentials.SetSessionAsync(Source, new SourceSession(token, _time.GetUtcNow() + _settings.SessionLifetime), cancellationToken);
        }
    }

    private static bool IsTokenRejected(PortalResponse response)
    {
        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        if (response.IsRedirect)
        {
            return response.Location?.AbsolutePath.Contains("login", StringComparison.OrdinalIgnoreCase) ?? false;
        }

        if (!response.IsSuccess || response.IsZip || response.Body.Length == 0 || response.Body.Length > 64 * 1024)
        {
            return false;
        }

        // {"response":{"error":true,"code":"token.expire",…}}: an error about the session, not about the data.
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            var body = SecudiumJson.Body(json.RootElement);
            if (SecudiumJson.Flag(SecudiumJson.Property(body, "error")) != true)
            {
                return false;
            }

            var what = $"{SecudiumJson.Text(SecudiumJson.Property(body, "code"))} {SecudiumJson.Text(SecudiumJson.Property(body, "message"))}";
            return ExpiredTokenMarkers.Any(m => what.Contains(m, StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonDocument ParseJson(PortalResponse response, string path)
    {
        try
        {
            return JsonDocument.Parse(response.Body);
        }
        catch (JsonException ex)
        {
            throw new CollectionException(
                CollectionFailure.ProviderChanged,
                $"SECUDIUM's {path} answered something that is not JSON ({response.MediaType ?? "no content type"}, {response.Body.Length} bytes); the portal may have changed.",
                ex);
        }
    }

    private static CollectionException Failed(PortalResponse response, string path)
        => (int)response.Status >= 500
            ? new CollectionException(CollectionFailure.ServerError, $"SECUDIUM failed on {path} (HTTP {(int)response.Status}); try again later.")
            : response.Status == HttpStatusCode.NotFound
                ? new CollectionException(CollectionFailure.NotFound, $"SECUDIUM has no {path} (HTTP 404); check Blacklist:Sources BaseUrl, or the portal moved it.")
                : new CollectionException(CollectionFailure.ProviderChanged, $"SECUDIUM answered HTTP {(int)response.Status} on {path}; the portal may have changed.");
}
