using System.Net.Http.Json;
using System.Text.Json;

namespace Blacklist.Server.Tests.Infrastructure;

/// <summary>Small helpers for reading the API's JSON and problem answers in tests.</summary>
public static class HttpTestExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer with the status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    /// <summary>Adds a manual entry (one address) and returns its id.</summary>
    public static async Task<long> AddManualAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/blacklist/manual", body);
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    public static async Task<long> AddAllowlistAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/allowlist", body);
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>The plain active list as lines.</summary>
    public static async Task<string[]> ActiveLinesAsync(this HttpClient client, string format = "plain")
    {
        var body = await client.GetStringAsync($"/api/blacklist/active?format={format}");
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
