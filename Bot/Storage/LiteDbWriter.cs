using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using LiteDB;
using Microsoft.Win32.SafeHandles;

namespace AnToan.Bot.Storage;

/// <summary>The one writer of the turns' writes (bot state, the question log): it commits the writes that wait
/// together, in one LiteDB transaction followed by one fsync of LiteDB's log file (group commit), and acknowledges
/// each write only after that fsync. It also checkpoints in the background, so no turn waits on a checkpoint.</summary>
/// <remarks>
/// <para><b>Why this is durable.</b> A LiteDB 5.0.21 commit (<c>DiskService.WriteLogDisk</c>) writes the
/// transaction's pages, the confirming page last, into the <c>-log</c> file with plain <c>FileStream.Write</c>
/// calls of one page each (8 KB, the stream's buffer size, so they go straight to the OS): once <c>Commit</c>
/// returns the pages are in the OS's page cache and survive a killed process, and on open LiteDB replays every
/// confirmed transaction of the log (<c>WalIndexService.RestoreIndex</c>). What it never does is fsync the log: only
/// a checkpoint fsyncs (the data file, when it copies the log into it), and LiteDB has no API to fsync the log.
/// So after each group's commit this writer fsyncs the log file itself, through a handle of its own opened read-only
/// with every sharing flag (LiteDB's writer holds the file open for writing): on Linux (macOS alike) fsync acts on the file,
/// not on the descriptor, so a read-only descriptor flushes the pages LiteDB's descriptor wrote
/// (<see cref="RandomAccess.FlushToDisk"/> is that fsync; checked with strace: <c>fsync(fd)</c> on the O_RDONLY
/// descriptor returns 0). The first time, the folder is fsynced too, so that a log
/// file LiteDB has just created is itself on disk. After a background checkpoint (LiteDB truncates the log) the log
/// is fsynced again, so that a power cut cannot bring back log pages older than the data file. Where a read-only
/// handle cannot be flushed (Windows: FlushFileBuffers needs write access) each group ends with a checkpoint
/// instead, which fsyncs through LiteDB itself — one per group rather than one per write.</para>
/// <para><b>What is acknowledged.</b> The task of <see cref="WriteAsync"/> completes only after its group's commit and
/// fsync; a turn awaits it before it answers, so an answered turn's writes are on disk. The other stores (progress,
/// subscriptions, deliveries) still commit on their own, as before: their writes reach the OS at once and the disk
/// with the next group's fsync or checkpoint (within seconds); made during a turn, they come before its state save,
/// whose fsync covers them.</para>
/// <para>LiteDB binds a transaction to its thread, so the writer has a thread of its own. While it runs, the
/// CHECKPOINT pragma is 0, so that LiteDB never checkpoints inside a commit on a request thread; this writer
/// checkpoints every few seconds when the log holds anything, and when it is disposed.</para>
/// </remarks>
public sealed class LiteDbWriter : IDisposable
{
    /// <summary>How long the log may grow between checkpoints (each one empties LiteDB's page cache).</summary>
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(2);

    private const int MaxGroup = 256;

    private readonly ILiteDatabase _db;
    private readonly string? _logPath;
    private readonly BlockingCollection<Job> _queue = new();
    private readonly ConcurrentQueue<Job> _riders = new();
    private readonly Thread _thread;
    private SafeFileHandle? _log;
    private long _lastCheckpoint = Stopwatch.GetTimestamp();
    private bool _uncheckpointed;

    /// <param name="databasePath">The LiteDB file, or null for a database in a stream (nothing to fsync).</param>
    public LiteDbWriter(ILiteDatabase db, string? databasePath)
    {
        _db = db;
        _logPath = databasePath is null ? null
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!,
                Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));
        // LiteDB would otherwise checkpoint inside whichever commit finds the log over 1,000 pages, on a request thread.
        _db.Pragma(Pragmas.Checkpoint, 0);
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB group commit" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="write"/> inside the writer's next transaction; completes once it is on disk.</summary>
    /// <remarks><paramref name="write"/> runs on the writer's thread and must not block on anything else. If it
    /// throws, the transaction is rolled back, the task fails with that exception, and the other writes of the group
    /// are committed without it — so a write that checks something (an ETag) before it writes leaves nothing behind.</remarks>
    /// <param name="committed">Runs on the writer's thread once the write is on disk, in commit order, before
    /// anyone is told (a cache of what was written is kept current with it).</param>
    public Task WriteAsync(Action write, Action? committed = null)
    {
        var job = new Job(write, committed);
        try { _queue.Add(job); }
        catch (InvalidOperationException) { throw new ObjectDisposedException(nameof(LiteDbWriter)); }
        return job.Done.Task;
    }

    /// <summary>Like <see cref="WriteAsync"/>, but the write waits for the next group instead of starting one: for a
    /// log record made in the middle of a turn whose state is saved at its end, so that the turn pays for one fsync.</summary>
    /// <remarks>Whoever awaits the task must make sure a group follows: a write of its own, or <see cref="FlushAsync"/>.</remarks>
    public Task WriteWithNextAsync(Action write)
    {
        ObjectDisposedException.ThrowIf(_queue.IsAddingCompleted, this);
        var job = new Job(write, null);
        _riders.Enqueue(job);
        return job.Done.Task;
    }

    /// <summary>Commits whatever <see cref="WriteWithNextAsync"/> left waiting.</summary>
    public Task FlushAsync() => _riders.IsEmpty ? Task.CompletedTask : WriteAsync(static () => { });

    private void Run()
    {
        var group = new List<Job>(MaxGroup);
        while (!_queue.IsCompleted)
        {
            if (_queue.TryTake(out var first, CheckpointEvery))
            {
                group.Clear();
                // Riders first: they were waiting before the write that starts the group.
                while (_riders.TryDequeue(out var rider)) group.Add(rider);
                group.Add(first);
                while (group.Count < MaxGroup && _queue.TryTake(out var more)) group.Add(more);
                CommitGroup(group);
            }
            CheckpointIfDue();
        }
    }

    private void CommitGroup(List<Job> group)
    {
        var pending = group;
        while (pending.Count > 0)
        {
            var failed = -1;
            try
            {
                if (!_db.BeginTrans()) throw new InvalidOperationException("The writer's thread already has an open LiteDB transaction.");
                for (var i = 0; i < pending.Count && failed < 0; i++)
                {
                    try { pending[i].Write(); }
                    catch (Exception e)
                    {
                        failed = i;
                        pending[i].Done.TrySetException(e);
                    }
                }
                if (failed >= 0)
                {
                    // Undo the whole transaction, then commit the others again without the failed write.
                    _db.Rollback();
                    pending = [.. pending.Where((_, i) => i != failed)];
                    continue;
                }
                _db.Commit();
                Sync();
                _uncheckpointed = true;
                foreach (var job in pending) job.Committed?.Invoke();
                foreach (var job in pending) job.Done.TrySetResult();
            }
            catch (Exception e)
            {
                // The commit or the fsync failed: nobody is told their write is saved.
                if (failed < 0) TryRollback();
                foreach (var job in pending) job.Done.TrySetException(e);
            }
            return;
        }
    }

    private void TryRollback()
    {
        try { _db.Rollback(); }
        catch (Exception) { } // nothing open, or the database is gone: the callers get the original error
    }

    /// <summary>Makes everything committed so far durable: fsync of the log, or a checkpoint where that cannot be done.</summary>
    private void Sync()
    {
        if (_logPath is null) return;
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            _db.Checkpoint();
            return;
        }
        if (_log is null)
        {
            if (!File.Exists(_logPath)) return; // nothing was ever written to the log: nothing to make durable
            _log = File.OpenHandle(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            FsyncFolder(Path.GetDirectoryName(_logPath)!);
        }
        RandomAccess.FlushToDisk(_log);
    }

    /// <summary>Copies the log into the data file every <see cref="CheckpointEvery"/>, when the log holds anything
    /// (the other stores commit on their own and leave pages there too).</summary>
    private void CheckpointIfDue()
    {
        if (Stopwatch.GetElapsedTime(_lastCheckpoint) < CheckpointEvery) return;
        _lastCheckpoint = Stopwatch.GetTimestamp();
        if (_logPath is null ? !_uncheckpointed : !(File.Exists(_logPath) && new FileInfo(_logPath).Length > 0)) return;
        try
        {
            Checkpoint();
        }
        catch (Exception)
        {
            // Not fatal: the log stays and the next attempt copies it; commits are durable without checkpoints.
        }
    }

    private void Checkpoint()
    {
        _db.Checkpoint();
        Sync();
        _uncheckpointed = false;
    }

    private static void FsyncFolder(string folder)
    {
        const int readOnly = 0; // O_RDONLY on Linux and macOS
        var fd = open(folder, readOnly);
        if (fd < 0) throw new IOException($"Cannot open {folder} to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (fsync(fd) != 0) throw new IOException($"fsync of {folder} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            close(fd);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    /// <summary>Finishes the queued writes, checkpoints, and stops the thread; the database stays open.</summary>
    public void Dispose()
    {
        if (_queue.IsAddingCompleted) return;
        // Writes still waiting for a group get one.
        if (!_riders.IsEmpty) _queue.Add(new Job(static () => { }, null));
        _queue.CompleteAdding();
        _thread.Join();
        try
        {
            Checkpoint();
            // Back to LiteDB's default, for whoever opens the file next without a writer.
            _db.Pragma(Pragmas.Checkpoint, Pragmas.DefaultCheckpoint);
        }
        catch (Exception) { } // the log is replayed on the next open
        _log?.Dispose();
        _queue.Dispose();
    }

    private static class Pragmas
    {
        public const string Checkpoint = "CHECKPOINT";
        public const int DefaultCheckpoint = 1000;
    }

    private sealed class Job(Action write, Action? committed)
    {
        public Action Write { get; } = write;

        public Action? Committed { get; } = committed;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
