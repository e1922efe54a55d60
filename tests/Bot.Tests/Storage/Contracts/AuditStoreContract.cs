using AnToan.Bot.Admin;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>The admin audit (<see cref="IAuditStore"/>): what the audit page lists.</summary>
public abstract class AuditStoreContract(TestStores stores) : IDisposable
{
    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public void Entries_AddedOnEitherInstance_AreListedNewestFirst_UpToTheCountAsked()
    {
        var at = stores.Time.GetUtcNow();
        var login = new AuditEntry(at, "login", "session:1", "10.0.0.1", true, null);
        var refused = new AuditEntry(at.AddSeconds(1), "content.publish", "session:1", "10.0.0.1", false, "stale version");
        var reload = new AuditEntry(at.AddSeconds(2), "reload", "api-key", "::1", true, "ok");
        stores.Audit(0).Add(login);
        stores.Audit(1).Add(refused);
        stores.Audit(0).Add(reload);

        Assert.Equal([reload, refused, login], stores.Audit(1).Latest(10));
        Assert.Equal([reload, refused], stores.Audit(0).Latest(2));
    }

    [ProviderFact]
    public void EntriesOfTheSameInstant_AreListedInTheOrderAdded()
    {
        var at = stores.Time.GetUtcNow();
        for (var i = 0; i < 3; i++) stores.Audit(i % 2).Add(new AuditEntry(at, $"action {i}", "anonymous", "", true, null));

        Assert.Equal(["action 2", "action 1", "action 0"], stores.Audit().Latest(5).Select(e => e.Action));
    }
}

public sealed class LiteDbAuditStoreTests() : AuditStoreContract(TestStores.LiteDb());

public sealed class PostgresAuditStoreTests() : AuditStoreContract(TestStores.Postgres()), INeedsPostgres;
