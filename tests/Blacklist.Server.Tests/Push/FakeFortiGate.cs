using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blacklist.Server.Tests.Push;

/// <summary>
/// A FortiGate's threat feed push API on 127.0.0.1 (FortiOS 7.2.1+: <c>POST
/// /api/v2/monitor/system/external-resource/dynamic</c>): it checks the API key as FortiOS takes it
/// (<c>Authorization: Bearer</c>), applies snapshot/add/remove to its feeds as the device would, and
/// records every request. It can fail on purpose (an HTTP status) or go away (connection refused)
/// and come back on the same port.
/// </summary>
internal sealed class FakeFortiGate : IAsyncDisposable
{
    public const string ApiPath = "/api/v2/monitor/system/external-resource/dynamic";

    private readonly string _token;
    private readonly X509Certificate2? _certificate;
    private readonly ConcurrentQueue<ReceivedPush> _received = new();
    private readonly Dictionary<string, SortedSet<string>> _feeds = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private volatile int _failWith;

    private FakeFortiGate(string token, X509Certificate2? certificate)
    {
        _token = token;
        _certificate = certificate;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request, oldest first, whatever it was answered.</summary>
    public IReadOnlyList<ReceivedPush> Received => [.. _received];

    /// <summary>The requests the device applied.</summary>
    public IReadOnlyList<ReceivedPush> Applied => [.. _received.Where(r => r.Status == HttpStatusCode.OK)];

    /// <param name="certificate">Serve HTTPS with this certificate (as a device's self-signed one); null for plain HTTP.</param>
    public static async Task<FakeFortiGate> StartAsync(string token, X509Certificate2? certificate = null)
    {
        var fake = new FakeFortiGate(token, certificate);
        await fake.ListenAsync(0);
        return fake;
    }

    /// <summary>A self-signed certificate for 127.0.0.1, as a FortiGate ships with.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=FortiGate", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Answer every request with this status (and apply nothing); null to work again.</summary>
    public void FailWith(HttpStatusCode? status) => _failWith = (int?)status ?? 0;

    /// <summary>The entries a threat feed holds now.</summary>
    public IReadOnlyList<string> Entries(string feed)
    {
        lock (_feeds)
        {
            return _feeds.TryGetValue(feed, out var entries) ? [.. entries] : [];
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Listens again on the same port, with the feeds it held.</summary>
    public Task RestartAsync() => ListenAsync(BaseAddress.Port);

    /// <summary>Waits (real time, bounded) until the received requests satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<ReceivedPush>> WaitForAsync(Func<IReadOnlyList<ReceivedPush>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var received = Received;
            if (condition(received))
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The fake FortiGate never saw {what}; it received: {string.Join(" | ", received)}");
            }

            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen =>
        {
            if (_certificate is not null)
            {
                listen.UseHttps(_certificate);
            }
        }));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(ApiPath, AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        _app = app;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
        var commands = body.RootElement.GetProperty("commands").EnumerateArray()
            .Select(c => new PushCommand(
                c.GetProperty("name").GetString()!,
                c.GetProperty("command").GetString()!,
                [.. c.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!)]))
            .ToList();

        var status = request.Headers.Authorization.ToString() != $"Bearer {_token}" ? HttpStatusCode.Unauthorized
            : _failWith != 0 ? (HttpStatusCode)_failWith
            : commands.Any(c => c.Command is not ("snapshot" or "add" or "remove")) ? HttpStatusCode.BadRequest
            : HttpStatusCode.OK;
        _received.Enqueue(new ReceivedPush(request.Headers.Authorization.ToString(), request.QueryString.Value ?? "", commands, status));
        if (status == HttpStatusCode.OK)
        {
            Apply(commands);
        }

        context.Response.StatusCode = (int)status;
        await context.Response.WriteAsJsonAsync(new
        {
            http_method = "POST",
            status = status == HttpStatusCode.OK ? "success" : "error",
            http_status = (int)status,
            path = "system",
            name = "external-resource",
            action = "dynamic",
        });
    }

    private void Apply(List<PushCommand> commands)
    {
        lock (_feeds)
        {
            foreach (var command in commands)
            {
                if (!_feeds.TryGetValue(command.Name, out var entries) || command.Command == "snapshot")
                {
                    entries = new SortedSet<string>(StringComparer.Ordinal);
                    _feeds[command.Name] = entries;
                }

                if (command.Command == "remove")
                {
                    entries.ExceptWith(command.Entries);
                }
                else
                {
                    entries.UnionWith(command.Entries);
                }
            }
        }
    }
}

/// <summary>One command of a push request.</summary>
internal sealed record PushCommand(string Name, string Command, IReadOnlyList<string> Entries)
{
    public override string ToString() => $"{Command} {Name} [{string.Join(", ", Entries)}]";
}

/// <summary>One request the fake received: the Authorization header, the query string, the commands and the answer.</summary>
internal sealed record ReceivedPush(string Authorization, string Query, IReadOnlyList<PushCommand> Commands, HttpStatusCode Status)
{
    public override string ToString() => $"{(int)Status}: {string.Join("; ", Commands)}";
}
