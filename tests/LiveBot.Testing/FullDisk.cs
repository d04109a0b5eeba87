using LiteDB;
using LiveBot.Core.Storage;

namespace LiveBot.Testing;

/// <summary>
/// A disk that fills up on demand: the bot's database is opened over file streams whose writes fail with
/// ENOSPC ("No space left on device", the errno Linux gives) while <see cref="Full"/> is set, as a full disk
/// does, without root or a small file system. Register <see cref="Opener"/> as the <see cref="DatabaseOpener"/>.
/// </summary>
public sealed class FullDisk
{
    /// <summary>The errno of a full disk on Linux, which .NET puts in <see cref="Exception.HResult"/>.</summary>
    public const int Enospc = 28;

    private readonly Lock _gate = new();
    private readonly List<Stream> _open = [];

    /// <summary>While true, every write and every growth of the database files fails with ENOSPC.</summary>
    public volatile bool Full;

    /// <summary>Writes refused so far.</summary>
    public int Refused;

    /// <summary>Opens the database over streams of this disk, closing the streams of the previous opening.</summary>
    public LiteDatabase Opener(string path)
    {
        lock (_gate)
        {
            foreach (var stream in _open)
            {
                stream.Dispose();
            }

            _open.Clear();
            var data = new DiskStream(this, Open(path));
            var log = new DiskStream(this, Open(Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path))));
            _open.Add(data);
            _open.Add(log);
            return new LiteDatabase(data, logStream: log);
        }
    }

    private static FileStream Open(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly.Mode;
        }

        return new FileStream(path, options);
    }

    private void Refuse()
    {
        Interlocked.Increment(ref Refused);
        throw new IOException("No space left on device", Enospc);
    }

    private sealed class DiskStream(FullDisk disk, FileStream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value)
        {
            if (disk.Full && value > inner.Length)
            {
                disk.Refuse();
            }

            inner.SetLength(value);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (disk.Full)
            {
                disk.Refuse();
            }

            inner.Write(buffer, offset, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
