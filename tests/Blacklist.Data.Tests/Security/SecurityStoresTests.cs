using Blacklist.Data.Security;
using Blacklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blacklist.Data.Tests.Security;

public sealed class SecurityStoresTests
{
    [Fact]
    public async Task Keys_are_stored_as_hashes_in_their_own_schema_and_can_be_revoked()
    {
        await using var db = await SecurityDatabase.CreateAsync();
        var keys = db.Get<IApiKeyStore>();
        var created = await keys.CreateAsync(new ApiKeyRequest("firewall", SecurityRole.Reader, SecurityDatabase.Start.AddDays(90), ["10.0.0.0/8"]), "tester", CancellationToken.None);

        ApiKeySecret.TryParse(created.Key, out var parsed).ShouldBeTrue();
        var stored = await keys.FindAsync(parsed!.KeyId, CancellationToken.None);
        stored.ShouldNotBeNull();
        parsed.Matches(stored.SecretHash).ShouldBeTrue();
        stored.Record.AllowedCidrs.ShouldBe(["10.0.0.0/8"]);
        stored.Record.IsUsableAt(SecurityDatabase.Start).ShouldBeTrue();
        stored.Record.IsUsableAt(SecurityDatabase.Start.AddDays(91)).ShouldBeFalse();

        // Nothing in the database file holds the secret; the history table is the security one.
        var dump = await DumpAsync(db, SharedPostgres.Selected ? "SELECT key_id || encode(sha256_hash, 'hex') FROM api_keys" : "SELECT key_id || hex(sha256_hash) FROM api_keys");
        dump.ShouldNotContain(parsed.Secret);
        (await DumpAsync(db, "SELECT \"MigrationId\" FROM __security_migrations")).ShouldContain("SecuritySchema");

        (await keys.RevokeAsync(created.Record.Id, "tester", CancellationToken.None)).ShouldBeTrue();
        (await keys.RevokeAsync(created.Record.Id, "tester", CancellationToken.None)).ShouldBeFalse();
        (await keys.FindAsync(parsed.KeyId, CancellationToken.None))!.Record.RevokedAt.ShouldNotBeNull();

        var audit = await db.Get<ISecurityAuditLog>().ListAsync(10, CancellationToken.None);
        audit.Select(a => a.Action).ShouldBe(["key.revoke", "key.create"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bl_")]
    [InlineData("bl_0123456789ABCDEF_secret")]
    [InlineData("bl_0123456789abcdef-secret")]
    [InlineData("xx_0123456789abcdef_secret")]
    public void Malformed_keys_are_not_parsed(string? text)
        => ApiKeySecret.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void A_key_never_prints_its_secret()
    {
        var key = ApiKeySecret.Generate();
        key.ToString().ShouldNotContain(key.Secret);
        key.Text.ShouldStartWith($"bl_{key.KeyId}_");
        ApiKeySecret.Generate().Secret.ShouldNotBe(key.Secret);
    }

    [Fact]
    public async Task Replicas_starting_together_create_one_first_admin_key_and_none_while_an_admin_exists()
    {
        await using var db = await SecurityDatabase.CreateAsync();
        var keys = db.Get<IApiKeyStore>();
        var request = new ApiKeyRequest("initial-admin", SecurityRole.Admin, null, []);

        // Six starts at once, each on its own connection: the database lets one of them create the key.
        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => keys.CreateFirstAdminAsync(request, "system", CancellationToken.None))));
        var first = created.Where(key => key is not null).ShouldHaveSingleItem()!;
        (await keys.ListAsync(CancellationToken.None)).Count(key => key.Role == SecurityRole.Admin).ShouldBe(1);
        (await keys.CreateFirstAdminAsync(request, "system", CancellationToken.None)).ShouldBeNull("a usable admin key exists");

        // With the only admin key revoked the next start makes one again; an enabled admin user also counts.
        (await keys.RevokeAsync(first.Record.Id, "tester", CancellationToken.None)).ShouldBeTrue();
        var replacement = await keys.CreateFirstAdminAsync(request, "system", CancellationToken.None);
        replacement.ShouldNotBeNull();
        (await keys.RevokeAsync(replacement.Record.Id, "tester", CancellationToken.None)).ShouldBeTrue();
        await db.Get<IUserStore>().SetAsync("root", "a long enough password", SecurityRole.Admin, "tester", CancellationToken.None);
        (await keys.CreateFirstAdminAsync(request, "system", CancellationToken.None)).ShouldBeNull("an admin user exists");
    }

    [Fact]
    public async Task Logins_lock_after_the_limit_and_unlock_after_the_duration()
    {
        await using var db = await SecurityDatabase.CreateAsync();
        var users = db.Get<IUserStore>();
        var policy = new LockoutPolicy(3, TimeSpan.FromMinutes(10));
        await users.SetAsync("carol", "a long enough password", SecurityRole.Operator, "tester", CancellationToken.None);

        (await users.VerifyAsync("carol", "a long enough password", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.Succeeded);
        (await users.VerifyAsync("carol", "wrong", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.WrongCredentials);
        (await users.VerifyAsync("carol", "wrong", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.WrongCredentials);
        (await users.VerifyAsync("carol", "wrong", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.LockedOut);
        (await users.VerifyAsync("carol", "a long enough password", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.LockedOut);

        db.Time.Advance(TimeSpan.FromMinutes(11));
        (await users.VerifyAsync("carol", "a long enough password", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.Succeeded);
        (await users.VerifyAsync("nobody", "whatever", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.WrongCredentials);

        (await users.SetDisabledAsync("carol", true, "tester", CancellationToken.None)).ShouldBeTrue();
        (await users.VerifyAsync("carol", "a long enough password", policy, CancellationToken.None)).Outcome.ShouldBe(LoginOutcome.Disabled);
        (await users.AnyUsableAdminAsync(CancellationToken.None)).ShouldBeFalse();

        var stored = await DumpAsync(db, "SELECT password_hash FROM users");
        stored.ShouldNotContain("a long enough password");
        Should.Throw<ArgumentException>(() => users.SetAsync("dave", "short", SecurityRole.Reader, "tester", CancellationToken.None));
    }

    private static async Task<string> DumpAsync(SecurityDatabase db, string sql)
    {
        await using var context = await db.Get<IDbContextFactory<SecurityDbContext>>().CreateDbContextAsync();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var text = new System.Text.StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.AppendLine(reader.GetString(0));
        }

        return text.ToString();
    }
}
