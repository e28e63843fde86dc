using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Blacklist.Collectors.Tests.Credentials;

public sealed class SourceCredentialStoreTests : IAsyncLifetime
{
    private const string Password = "Tr0ub4dor&3-horse";
    private readonly PortalHarness _harness = new();

    private static IConfiguration NoSettings => new ConfigurationBuilder().Build();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Credentials_are_encrypted_at_rest_and_read_back_intact()
    {
        await _harness.Credentials.SetCredentialsAsync("regtech", new SourceCredentials("analyst", Password), default);

        var stored = (await _harness.State.GetAsync("regtech", SourceCredentialStore.CredentialsKey, default)).ShouldNotBeNull();
        stored.ShouldNotContain(Password);
        stored.ShouldNotContain("analyst");
        (await _harness.Credentials.ResolveAsync("regtech", NoSettings, default)).ShouldBe(new SourceCredentials("analyst", Password));
    }

    [Fact]
    public async Task Sessions_are_encrypted_at_rest_and_count_only_until_they_expire()
    {
        var expiresAt = _harness.Time.GetUtcNow().AddMinutes(30);
        await _harness.Credentials.SetSessionAsync("regtech", new SourceSession("regtech-va=Bearer secret.jwt.value", expiresAt) { Pasted = true }, default);

        (await _harness.State.GetAsync("regtech", SourceCredentialStore.SessionKey, default)).ShouldNotBeNull().ShouldNotContain("secret.jwt.value");
        (await _harness.Credentials.GetValidSessionAsync("regtech", default)).ShouldBe(new SourceSession("regtech-va=Bearer secret.jwt.value", expiresAt) { Pasted = true });

        _harness.Time.Advance(TimeSpan.FromMinutes(31));
        (await _harness.Credentials.GetValidSessionAsync("regtech", default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_secret_stored_for_one_source_cannot_be_read_as_another_sources()
    {
        await _harness.Credentials.SetCredentialsAsync("regtech", new SourceCredentials("analyst", Password), default);
        var stored = await _harness.State.GetAsync("regtech", SourceCredentialStore.CredentialsKey, default);
        await _harness.State.SetAsync("regtech-2", SourceCredentialStore.CredentialsKey, stored, default);

        var error = await Should.ThrowAsync<CollectionException>(() => _harness.Credentials.ResolveAsync("regtech-2", NoSettings, default));

        error.Kind.ShouldBe(CollectionFailure.CredentialsMissing);
        error.Message.ShouldContain("PUT /api/sources/regtech-2/credentials");
    }

    [Fact]
    public async Task Credentials_stored_with_lost_keys_ask_to_be_set_again()
    {
        await _harness.Credentials.SetCredentialsAsync("secudium", new SourceCredentials("analyst", Password), default);
        await using var otherKeys = new PortalHarness(_harness.State, new EphemeralDataProtectionProvider());

        var error = await Should.ThrowAsync<CollectionException>(() => otherKeys.Credentials.ResolveAsync("secudium", NoSettings, default));

        error.Message.ShouldContain("cannot be decrypted");
        error.Message.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Stored_credentials_win_over_configured_ones_and_configured_ones_fill_in()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Username"] = "env-user", ["Password"] = "env-pass" }).Build();

        (await _harness.Credentials.ResolveAsync("regtech", configured, default)).ShouldBe(new SourceCredentials("env-user", "env-pass"));
        (await _harness.Credentials.GetStatusAsync("regtech", configured, default)).Origin.ShouldBe("configuration");

        await _harness.Credentials.SetCredentialsAsync("regtech", new SourceCredentials("api-user", Password), default);
        (await _harness.Credentials.ResolveAsync("regtech", configured, default)).ShouldBe(new SourceCredentials("api-user", Password));
        (await _harness.Credentials.GetStatusAsync("regtech", configured, default)).Origin.ShouldBe("stored");
    }

    [Fact]
    public async Task The_status_tells_whether_secrets_are_set_and_when_the_last_login_was_but_never_the_secrets()
    {
        (await _harness.Credentials.GetStatusAsync("regtech", NoSettings, default)).ShouldBe(new CredentialStatus(false, null, null, false, null));

        await _harness.Credentials.SetCredentialsAsync("regtech", new SourceCredentials("analyst", Password), default);
        await _harness.Credentials.RecordLoginAsync("regtech", default);
        var expiresAt = _harness.Time.GetUtcNow().AddHours(1);
        await _harness.Credentials.SetSessionAsync("regtech", new SourceSession("regtech-va=x", expiresAt), default);

        var status = await _harness.Credentials.GetStatusAsync("regtech", NoSettings, default);
        status.ShouldBe(new CredentialStatus(true, "stored", PortalHarness.Now, true, expiresAt));
        status.ToString().ShouldNotContain(Password);
    }

    [Fact]
    public void Secrets_never_show_in_their_text_form()
    {
        new SourceCredentials("analyst", Password).ToString().ShouldNotContain(Password);
        new SourceSession("regtech-va=Bearer abc.def.ghi", PortalHarness.Now).ToString().ShouldNotContain("abc.def.ghi");
    }
}
