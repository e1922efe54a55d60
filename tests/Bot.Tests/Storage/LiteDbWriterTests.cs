using AnToan.Bot.Storage;
using LiteDB;

namespace AnToan.Bot.Tests.Storage;

/// <summary>The group commit: writes made at once are committed together, each acknowledged only once committed, and
/// a write that fails takes nothing else down with it.</summary>
public sealed class LiteDbWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("antoan-writer-").FullName;

    private string DbPath => Path.Combine(_dir, "antoan.db");

    [Fact]
    public async Task ConcurrentWrites_AreAllThereAfterReopening()
    {
        using (var db = Open())
        using (var writer = new LiteDbWriter(db, DbPath))
        {
            var items = db.GetCollection("items");
            await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() =>
                writer.WriteAsync(() => items.Insert(new BsonDocument { ["_id"] = i })))));
        }

        using var reopened = Open();
        Assert.Equal(500, reopened.GetCollection("items").Count());
    }

    [Fact]
    public async Task AFailingWrite_FailsAlone_AndLeavesNothingBehind()
    {
        using var db = Open();
        using var writer = new LiteDbWriter(db, DbPath);
        var items = db.GetCollection("items");
        using var hold = new ManualResetEventSlim();
        // Holds the writer's thread so that the writes below queue up and are committed as one group.
        var blocker = writer.WriteAsync(() => hold.Wait(TimeSpan.FromSeconds(10)));
        var writes = Enumerable.Range(0, 20).Select(i => writer.WriteAsync(() =>
        {
            items.Insert(new BsonDocument { ["_id"] = i });
            if (i == 7) throw new InvalidOperationException("conflict");
        })).ToList();
        hold.Set();
        await blocker;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[7]);
        Assert.Equal("conflict", failure.Message);
        await Task.WhenAll(writes.Where((_, i) => i != 7));
        Assert.Null(items.FindById(7));
        Assert.Equal(19, items.Count());
    }

    [Fact]
    public async Task AWriteRidingWithTheNextGroup_IsCommittedWithIt_OrByAFlush()
    {
        using var db = Open();
        using var writer = new LiteDbWriter(db, DbPath);
        var items = db.GetCollection("items");

        var rider = writer.WriteWithNextAsync(() => items.Insert(new BsonDocument { ["_id"] = 1 }));
        await writer.WriteAsync(() => items.Insert(new BsonDocument { ["_id"] = 2 }));
        Assert.True(rider.IsCompletedSuccessfully);

        var alone = writer.WriteWithNextAsync(() => items.Insert(new BsonDocument { ["_id"] = 3 }));
        await writer.FlushAsync();
        await alone;
        Assert.Equal(3, items.Count());
    }

    [Fact]
    public async Task Disposing_CommitsTheWritesStillWaitingForAGroup()
    {
        Task rider;
        using (var db = Open())
        using (var writer = new LiteDbWriter(db, DbPath))
            rider = writer.WriteWithNextAsync(() => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = 1 }));

        await rider;
        using var reopened = Open();
        Assert.Equal(1, reopened.GetCollection("items").Count());
    }

    [Fact]
    public async Task Disposing_CheckpointsTheLog()
    {
        using (var db = Open())
        using (var writer = new LiteDbWriter(db, DbPath))
        {
            await writer.WriteAsync(() => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = 1 }));
        }

        // Everything is in the data file: the log is gone (LiteDB deletes it when it is empty at close).
        Assert.False(File.Exists(Path.Combine(_dir, "antoan-log.db")));
        using var reopened = Open();
        Assert.Equal(1, reopened.GetCollection("items").Count());
    }

    private LiteDatabase Open() => StorageServices.Open(new ConnectionString { Filename = DbPath, Connection = ConnectionType.Direct });

    public void Dispose() => Directory.Delete(_dir, true);
}
