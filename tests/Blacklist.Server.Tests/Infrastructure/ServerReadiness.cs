using System.Net;

namespace Blacklist.Server.Tests.Infrastructure;

/// <summary>Waits for a `blacklist` server a test started as its own process to answer /ready with 200.</summary>
internal static class ServerReadiness
{
    /// <param name="name">Who is waited for, in failure messages ("Replica a", "The server").</param>
    /// <param name="hasExited">Whether the process ended (it will never be ready).</param>
    /// <param name="output">What the process wrote so far, for failure messages.</param>
    public static async Task WaitAsync(HttpClient client, string name, Func<bool> hasExited, Func<string> output, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"{name} exited before it was ready:\n{output()}");
            }

            try
            {
                using var ready = await client.GetAsync("/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting; ask again.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} was not ready within {timeout.TotalSeconds:0} s:\n{output()}");
    }
}
