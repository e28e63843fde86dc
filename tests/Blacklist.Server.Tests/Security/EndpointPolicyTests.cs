using Blacklist.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Blacklist.Server.Tests.Security;

public sealed class EndpointPolicyTests
{
    [Fact]
    public async Task Every_endpoint_declares_its_access()
    {
        await using var factory = new BlacklistAppFactory();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(20);

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();
        undeclared.ShouldBeEmpty("these endpoints name no policy (RequireAuthorization) and are not AllowAnonymous");
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    [InlineData("/metrics")]
    public async Task Health_ready_and_metrics_are_public(string path)
    {
        await using var factory = new BlacklistAppFactory();
        using var client = factory.CreateAnonymousClient();
        var response = await client.GetAsync(path);
        ((int)response.StatusCode).ShouldBeOneOf(200, 503);
    }

    [Fact]
    public async Task Metrics_can_be_limited_to_networks()
    {
        await using var factory = RemoteAddress.Enable(new BlacklistAppFactory().With("Blacklist:Access:MetricsNetworks:0", "10.9.0.0/16"));
        using var client = factory.CreateAnonymousClient();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics").From("10.9.1.2"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics").From("10.8.1.2"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }
}
