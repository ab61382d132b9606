using Microsoft.Net.Http.Headers;
using Paritrana.Domain.Input;

namespace Paritrana.Web.Infrastructure.Input;

/// <summary>
/// The first of the two checks of text from outside (docs/decisions/013), early in the pipeline:
/// a path or query string with refused text (<see cref="UntrustedText"/>: NUL and other C0 controls,
/// bytes that are not UTF-8) is answered 400 with the friendly error page, which says what was wrong
/// (<see cref="RefusedAddress"/>), before any page or query sees it. A URL-encoded form body is not
/// refused here, since its author should get the form back: its bytes are checked as the form reader
/// reads them (<see cref="FormCheckingStream"/>), and <see cref="UntrustedFormFilter"/> acts on it.
/// </summary>
public static class UntrustedInput
{
    /// <summary>HttpContext.Items key set when the address had refused text; the error page reads it.</summary>
    public const string RefusedAddress = "Paritrana.RefusedAddress";

    public static IApplicationBuilder UseUntrustedInputChecks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!UntrustedText.IsAcceptable(request.Path.Value) || (request.QueryString.HasValue && FormEncodedScanner.Check(request.QueryString.Value!).HasInvalid))
            {
                context.Items[RefusedAddress] = true;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (HttpMethods.IsPost(request.Method) && IsUrlEncodedForm(request.ContentType))
            {
                var checking = new FormCheckingStream(request.Body);
                request.Body = checking;
                context.Features.Set<IRawFormCheck>(checking);
            }

            await next();
        });

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The fields of a form whose raw bytes had refused text, found before any decoder changed them.</summary>
public interface IRawFormCheck
{
    /// <summary>The names of the fields with refused text ("" for a refused name), once the form has been read.</summary>
    IReadOnlyList<string> RefusedFields();
}

/// <summary>
/// Passes a URL-encoded request body through unchanged while <see cref="FormEncodedScanner"/> checks
/// it: no second reading of the body, no buffering, constant memory.
/// </summary>
public sealed class FormCheckingStream(Stream inner) : Stream, IRawFormCheck
{
    private readonly FormEncodedScanner _scanner = new();
    private bool _complete;

    public IReadOnlyList<string> RefusedFields()
    {
        if (!_complete)
        {
            _complete = true;
            _scanner.Complete();
        }

        return _scanner.HasInvalid && _scanner.InvalidNames.Count == 0 ? [""] : _scanner.InvalidNames;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Seen(buffer.Span[..read]);
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Seen(buffer.AsSpan(offset, read));
        return read;
    }

    private void Seen(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            RefusedFields();
        }
        else if (!_complete)
        {
            _scanner.Feed(bytes);
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
