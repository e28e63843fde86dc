using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Blacklist.Server.Push;

/// <summary>
/// Sends threat feed commands to one FortiGate: the API key as <c>Authorization: Bearer</c> (never
/// in the URL, where proxies and logs keep it), quick retries of transient failures with
/// exponential backoff, and a time limit per attempt.
/// </summary>
internal sealed class FortiGateClient : IDisposable
{
    private const int MaxAnswerChars = 2048;

    private readonly PushDevice _device;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<FortiGateAnswer> _pipeline;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    public FortiGateClient(PushDevice device, PushOptions options, TimeProvider time, ILogger logger)
    {
        _device = device;
        _timeout = options.Timeout;
        _logger = logger;
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        if (!device.VerifyTls)
        {
            // The operator's choice for a device with a self-signed certificate (VerifyTls: false).
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _pipeline = BuildPipeline(options, time);
    }

    /// <summary>Sends one command; throws <see cref="PushFailedException"/> saying why when the device did not take it.</summary>
    public async Task SendAsync(string command, IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new FortiGateCommands([new FortiGateCommand(_device.Resource, command, entries)]));
        FortiGateAnswer answer;
        try
        {
            answer = await _pipeline.ExecuteAsync(
                async (state, token) => await PostAsync(state, token),
                body,
                cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PushFailedException($"{_device.DisplayUrl} could not be reached: {e.Message}", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new PushFailedException($"{_device.DisplayUrl} did not answer within {_timeout}.", e);
        }

        if (!answer.Succeeded)
        {
            throw new PushFailedException(answer.Error!);
        }
    }

    public void Dispose() => _http.Dispose();

    private async ValueTask<FortiGateAnswer> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _device.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _device.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var text = await ReadSomeAsync(response.Content, cancellationToken);
        return Interpret(response.StatusCode, text);
    }

    private FortiGateAnswer Interpret(HttpStatusCode status, string text)
    {
        var said = text.Length == 0 ? "" : $": {text}";
        switch (status)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return new(status, $"{_device.DisplayUrl} refused the API key (HTTP {(int)status}); check Blacklist:Push:{_device.Name}:Token and the API administrator's trusted hosts and profile{said}");
            case HttpStatusCode.NotFound:
                return new(status, $"{_device.DisplayUrl} has no threat feed '{_device.Resource}' with update method \"Push API\", or runs FortiOS older than 7.2.1 (HTTP 404){said}");
            case < HttpStatusCode.OK or >= HttpStatusCode.MultipleChoices:
                return new(status, $"{_device.DisplayUrl} answered HTTP {(int)status}{said}");
        }

        // FortiOS answers {"status": "success", ...}; an error can come with HTTP 200.
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("status", out var result)
                && result.ValueKind == JsonValueKind.String
                && !string.Equals(result.GetString(), "success", StringComparison.OrdinalIgnoreCase))
            {
                return new(status, $"{_device.DisplayUrl} did not apply the command (status '{result.GetString()}'){said}");
            }
        }
        catch (JsonException)
        {
            // Not JSON: the HTTP status alone decides.
        }

        return new(status, null);
    }

    private static async Task<string> ReadSomeAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        var buffer = new char[MaxAnswerChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read).Trim();
    }

    private ResiliencePipeline<FortiGateAnswer> BuildPipeline(PushOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<FortiGateAnswer> { TimeProvider = time };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<FortiGateAnswer>
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryDelay > TimeSpan.Zero,
                MaxDelay = TimeSpan.FromMinutes(5),
                ShouldHandle = new PredicateBuilder<FortiGateAnswer>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(answer => answer.IsTransient),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message ?? args.Outcome.Result?.Error ?? "unknown";
                    PushLog.Retry(_logger, _device.Name, args.AttemptNumber + 1, args.RetryDelay, reason);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }
}
