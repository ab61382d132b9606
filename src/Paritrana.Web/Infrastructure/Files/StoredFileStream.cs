using Npgsql;

namespace Paritrana.Web.Infrastructure.Files;

/// <summary>
/// The bytes of a stored file, read forward one chunk at a time on a connection of its own: one
/// query per chunk, each read into the same buffer (sequential access, so no chunk is materialised
/// as a new array), so that a download or an import holds at most one chunk in memory.
/// </summary>
public sealed class StoredFileStream : Stream
{
    private readonly NpgsqlConnection _connection;
    private readonly Guid _id;
    private readonly byte[] _chunk = new byte[StoredFiles.ChunkSize];
    private int _chunkLength;
    private int _chunkOffset;
    private int _nextSequence;
    private long _position;

    internal StoredFileStream(NpgsqlConnection connection, Guid id, long length)
    {
        _connection = connection;
        _id = id;
        Length = length;
    }

    public override long Length { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_chunkOffset == _chunkLength && !Fill())
        {
            return 0;
        }

        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_chunkOffset == _chunkLength && !await FillAsync(cancellationToken))
        {
            return 0;
        }

        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Take(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _chunkLength - _chunkOffset);
        _chunk.AsSpan(_chunkOffset, n).CopyTo(buffer);
        _chunkOffset += n;
        _position += n;
        return n;
    }

    private bool Fill()
    {
        if (_position >= Length)
        {
            return false;
        }

        using var command = ChunkCommand();
        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        return reader.Read() && Loaded(reader);
    }

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        if (_position >= Length)
        {
            return false;
        }

        await using var command = ChunkCommand();
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        return await reader.ReadAsync(ct) && Loaded(reader);
    }

    private NpgsqlCommand ChunkCommand()
    {
        var command = new NpgsqlCommand("SELECT data FROM stored_file_chunks WHERE file_id = @id AND sequence = @seq", _connection);
        command.Parameters.AddWithValue("id", _id);
        command.Parameters.AddWithValue("seq", _nextSequence);
        return command;
    }

    private bool Loaded(NpgsqlDataReader reader)
    {
        var length = (int)reader.GetBytes(0, 0, _chunk, 0, _chunk.Length);
        _chunkLength = length;
        _chunkOffset = 0;
        _nextSequence++;
        return length > 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await base.DisposeAsync();
    }
}
