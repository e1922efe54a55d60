using AnToan.Bot.Storage;
using LiteDB;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.Storage;

/// <summary>LiteDbStorage over a real LiteDB file; values are read back after the database is closed and reopened.</summary>
public sealed class LiteDbStorageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("antoan-storage-").FullName;
    private LiteDatabase _db = null!;
    private LiteDbWriter _writer = null!;
    private LiteDbStorage _sut = null!;

    public LiteDbStorageTests() => Open();

    [Fact]
    public async Task NestedDictionariesAndLists_ComeBackWithTheirTypes()
    {
        var state = new Dictionary<string, object>
        {
            ["count"] = 3L,
            ["tags"] = new List<string> { "a", "b" },
            ["inner"] = new Dictionary<string, object> { ["deep"] = new Dictionary<string, object> { ["ratio"] = 1.5, ["none"] = null! } },
        };

        var read = await WriteReopenReadAsync("k", state);

        var bag = Assert.IsType<Dictionary<string, object>>(read);
        Assert.Equal(3L, bag["count"]);
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(bag["tags"]));
        var deep = Assert.IsType<Dictionary<string, object>>(Assert.IsType<Dictionary<string, object>>(bag["inner"])["deep"]);
        Assert.Equal(1.5, deep["ratio"]);
        Assert.Null(deep["none"]);
    }

    [Fact]
    public async Task TypedObject_ComeBackEqual_WithItsDateTimeOffsetExact()
    {
        var progress = new UnitProgress
        {
            Unit = "unit-7",
            StartedAt = new DateTimeOffset(2021, 12, 1, 8, 30, 15, TimeSpan.FromHours(7)).AddTicks(1234567),
            Answers = [new Answer(1, true), new Answer(2, false)],
            Scores = new() { ["a"] = 10, ["b"] = 0 },
        };

        var read = Assert.IsType<UnitProgress>(await WriteReopenReadAsync("progress", progress));

        Assert.Equal(progress.StartedAt, read.StartedAt);
        Assert.Equal(TimeSpan.FromHours(7), read.StartedAt.Offset);
        Assert.Equal(progress.Answers, read.Answers);
        Assert.Equal(progress.Scores, read.Scores);
        Assert.Equal(progress.Unit, read.Unit);
    }

    [Fact]
    public async Task DateLikeStrings_StayStrings()
    {
        var read = await WriteReopenReadAsync("k", new Dictionary<string, object> { ["answer"] = "2021-12-01", ["at"] = "2021-12-01T08:00:00+07:00" });

        var bag = Assert.IsType<Dictionary<string, object>>(read);
        Assert.Equal("2021-12-01", bag["answer"]);
        Assert.Equal("2021-12-01T08:00:00+07:00", bag["at"]);
    }

    [Fact]
    public async Task VietnameseText_ComesBackByteForByte()
    {
        // Precomposed and combining forms must both survive unnormalised.
        const string text = "\u1EA0\u1EA3\u00E3\u00E0 \u0111\u0110 \u01A1\u01B0 \u1EF9\u1EF5 e\u0301 o\u0302\u0303 \u1ED7";

        var read = Assert.IsType<Dictionary<string, object>>(await WriteReopenReadAsync("vi", new Dictionary<string, object> { ["text"] = text }));

        Assert.Equal(text, Assert.IsType<string>(read["text"]));
    }

    [Fact]
    public async Task JObject_ComesBackDeepEqual()
    {
        var value = new JObject
        {
            ["a"] = new JObject { ["b"] = new JArray(1, "x", JValue.CreateNull(), true) },
            ["when"] = "2021-12-01T08:00:00+07:00",
        };

        var read = Assert.IsType<JObject>(await WriteReopenReadAsync("j", value));

        Assert.True(JToken.DeepEquals(value, read), read.ToString());
    }

    [Fact]
    public async Task Keys_AreCaseSensitiveAndMayHoldAnyText()
    {
        var keys = new[] { "emulator/conversations/Conv-A/", "emulator/conversations/conv-a/", "web/conversations/\u0111\u1ED7/" };
        await _sut.WriteAsync(keys.ToDictionary(k => k, object (k) => k));
        Reopen();

        var read = await _sut.ReadAsync(keys);

        Assert.All(keys, k => Assert.Equal(k, read[k]));
    }

    [Fact]
    public async Task EveryWrite_GetsANewETag_SetOnRead()
    {
        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "one" } });
        var first = await ReadNoteAsync();
        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = first });
        var second = await ReadNoteAsync();

        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.False(string.IsNullOrEmpty(second.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task StaleETag_WriteFails_AndKeepsTheNewerValue()
    {
        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "one" } });
        var mine = await ReadNoteAsync();
        var theirs = await ReadNoteAsync();
        theirs.Text = "theirs";
        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = theirs });

        mine.Text = "mine";
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _sut.WriteAsync(new Dictionary<string, object> { ["n"] = mine }));

        Assert.Contains("Etag conflict", error.Message);
        Assert.Equal("theirs", (await ReadNoteAsync()).Text);
    }

    [Fact]
    public async Task ETagOnAnItemNeverStored_IsStale()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _sut.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "x", ETag = "123" } }));

        Assert.Empty(await _sut.ReadAsync(["n"]));
    }

    [Fact]
    public async Task StarETag_Overwrites()
    {
        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "one" } });
        var stale = await ReadNoteAsync();
        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "two", ETag = stale.ETag } });

        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "three", ETag = "*" } });

        Assert.Equal("three", (await ReadNoteAsync()).Text);
    }

    [Fact]
    public async Task Delete_RemovesOnlyTheGivenKeys()
    {
        await _sut.WriteAsync(new Dictionary<string, object> { ["a"] = "1", ["b"] = "2", ["c"] = "3" });

        await _sut.DeleteAsync(["a", "c", "never-written"]);
        Reopen();

        var read = await _sut.ReadAsync(["a", "b", "c"]);
        Assert.Equal(["b"], read.Keys);
    }

    [Fact]
    public async Task MultiKeyWrite_StoresEveryKey()
    {
        await _sut.WriteAsync(new Dictionary<string, object> { ["a"] = "1", ["b"] = new Note { Text = "2" }, ["c"] = 3L });
        Reopen();

        var read = await _sut.ReadAsync(["a", "b", "c"]);

        Assert.Equal("1", read["a"]);
        Assert.Equal("2", Assert.IsType<Note>(read["b"]).Text);
        Assert.Equal(3L, read["c"]);
    }

    [Fact]
    public async Task MultiKeyWrite_WithOneStaleItem_WritesNothing()
    {
        await _sut.WriteAsync(new Dictionary<string, object> { ["a"] = "old", ["n"] = new Note { Text = "one" } });
        var stale = await ReadNoteAsync();
        await _sut.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "two" } });

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _sut.WriteAsync(new Dictionary<string, object> { ["a"] = "new", ["n"] = stale, ["z"] = "new" }));
        Reopen();

        var read = await _sut.ReadAsync(["a", "n", "z"]);
        Assert.Equal("old", read["a"]);
        Assert.Equal("two", Assert.IsType<Note>(read["n"]).Text);
        Assert.False(read.ContainsKey("z"));
    }

    /// <summary>Reads are served from the documents this storage committed: after writes racing on one key, what is
    /// read is what the file holds.</summary>
    [Fact]
    public async Task ConcurrentWritesOfOneKey_ReadBackWhatTheFileHolds()
    {
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            _sut.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["n"] = (long)i } }))));
        var fromMemory = (await _sut.ReadAsync(["k"]))["k"];

        Reopen();
        var fromFile = (await _sut.ReadAsync(["k"]))["k"];

        Assert.Equal(((Dictionary<string, object>)fromFile)["n"], ((Dictionary<string, object>)fromMemory)["n"]);
    }

    [Fact]
    public async Task AKeyReadWhileAbsent_ThenWritten_IsReadBack()
    {
        Assert.Empty(await _sut.ReadAsync(["k"]));

        await _sut.WriteAsync(new Dictionary<string, object> { ["k"] = "v" });

        Assert.Equal("v", (await _sut.ReadAsync(["k"]))["k"]);
    }

    [Fact]
    public async Task Delete_AfterAWrite_IsNotReadBack()
    {
        await _sut.WriteAsync(new Dictionary<string, object> { ["k"] = "v" });
        Assert.Single(await _sut.ReadAsync(["k"]));

        await _sut.DeleteAsync(["k"]);

        Assert.Empty(await _sut.ReadAsync(["k"]));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
        Directory.Delete(_dir, true);
    }

    private async Task<object> WriteReopenReadAsync(string key, object value)
    {
        await _sut.WriteAsync(new Dictionary<string, object> { [key] = value });
        Reopen();
        return (await _sut.ReadAsync([key]))[key];
    }

    private async Task<Note> ReadNoteAsync() => Assert.IsType<Note>((await _sut.ReadAsync(["n"]))["n"]);

    private void Open()
    {
        var path = Path.Combine(_dir, "antoan.db");
        _db = StorageServices.Open(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        _writer = new LiteDbWriter(_db, path);
        _sut = new LiteDbStorage(_db, _writer);
    }

    private void Reopen()
    {
        _writer.Dispose();
        _db.Dispose();
        Open();
    }

    public sealed class Note : IStoreItem
    {
        public string Text { get; set; } = "";

        public string? ETag { get; set; }
    }

    public sealed record Answer(int Item, bool Done);

    public sealed class UnitProgress
    {
        public string Unit { get; set; } = "";

        public DateTimeOffset StartedAt { get; set; }

        public List<Answer> Answers { get; set; } = [];

        public Dictionary<string, int> Scores { get; set; } = [];
    }
}
