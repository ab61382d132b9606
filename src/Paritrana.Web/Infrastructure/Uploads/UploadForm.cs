using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Paritrana.Web.Infrastructure.Input;

namespace Paritrana.Web.Infrastructure.Uploads;

/// <summary>
/// Reads a multipart upload form in place of the framework's form reader, so that a file above the
/// page's limit, whatever its size and whether or not the request says its length, ends in the page
/// with the size message beside the file field instead of a 413 or a broken connection
/// (docs/decisions/013). Each file is kept in a temporary file (deleted with the request) up to the
/// limit; past it, its bytes are read and thrown away to the end of the body, so that the browser,
/// which sends the whole body before it reads the answer, receives the page. The file then appears to
/// the page as an <see cref="OversizedFormFile"/>: its length is what arrived, it has no content.
/// Nothing is read past <see cref="DrainLimit"/>: Kestrel then ends the request (413) and the
/// connection; the page still answers with the message, which a browser may or may not show.
/// Field values are checked as UTF-8 before decoding (<see cref="IRawFormCheck"/>).
/// </summary>
public static class UploadForm
{
    /// <summary>The most bytes one upload request may send before its connection is closed.</summary>
    public const long DrainLimit = 1L << 30;

    public const int MaxFields = 32;
    public const int MaxFieldBytes = 16 * 1024;
    private const int BufferSize = 1 << 16;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the form of a multipart POST (anything else is left to the framework) and sets it as the request's form.</summary>
    public static async Task ReadAsync(HttpContext context, long maxFileBytes)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary
            || context.Features.Get<IFormFeature>()?.Form is not null)
        {
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = DrainLimit;
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var files = new FormFileCollection();
        var refused = new List<string>();
        var budget = maxFileBytes;
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(context.RequestAborted)) is not null)
            {
                if (section.GetContentDispositionHeader() is not { } disposition || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    var (file, cut) = await ReadFileAsync(context, section, name, fileName, budget);
                    files.Add(file);
                    budget -= file is OversizedFormFile ? 0 : file.Length;
                    if (cut)
                    {
                        break;
                    }
                }
                else if (fields.Count < MaxFields)
                {
                    var value = await ReadFieldAsync(section.Body, context.RequestAborted);
                    if (value is null)
                    {
                        refused.Add(name);
                    }

                    fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), value ?? "");
                }
            }
        }
        catch (IOException)
        {
            // A malformed or cut-off body, or one past the drain limit between two sections: the form is
            // what arrived (the antiforgery check fails if its token did not).
        }
        catch (InvalidDataException)
        {
        }

        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, files)));
        context.Features.Set<IRawFormCheck>(new Refusals(refused));
    }

    private sealed class Refusals(List<string> fields) : IRawFormCheck
    {
        public IReadOnlyList<string> RefusedFields() => fields;
    }

    /// <summary>A field's value; null when it is longer than <see cref="MaxFieldBytes"/> or not UTF-8.</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxFieldBytes + 1);
        try
        {
            var length = await body.ReadAtLeastAsync(buffer.AsMemory(0, MaxFieldBytes + 1), MaxFieldBytes + 1, throwOnEndOfStream: false, ct);
            if (length > MaxFieldBytes)
            {
                return null;
            }

            try
            {
                return StrictUtf8.GetString(buffer, 0, length);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Copies a file section to a temporary file while it stays within <paramref name="budget"/>; past
    /// it, reads the rest without keeping it. <c>Cut</c>: the body passed <see cref="DrainLimit"/>.
    /// </summary>
    private static async Task<(IFormFile File, bool Cut)> ReadFileAsync(HttpContext context, MultipartSection section, string name, string fileName, long budget)
    {
        var temp = new FileStream(
            Path.Combine(Path.GetTempPath(), $"paritrana-upload-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        context.Response.RegisterForDisposeAsync(temp);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        var cut = false;
        try
        {
            int read;
            while ((read = await section.Body.ReadAsync(buffer.AsMemory(0, BufferSize), context.RequestAborted)) > 0)
            {
                length += read;
                if (length <= budget)
                {
                    await temp.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                }
                else if (temp.Length > 0)
                {
                    temp.SetLength(0);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            cut = true;
            length = Math.Max(length, budget + 1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (length > budget)
        {
            await temp.DisposeAsync();
            return (new OversizedFormFile(name, fileName, length, section.ContentType), cut);
        }

        temp.Position = 0;
        return (new FormFile(temp, 0, length, name, fileName) { Headers = new HeaderDictionary(section.Headers ?? []) }, cut);
    }
}

/// <summary>A file that arrived larger than the page's limit: its size, and no content (nothing of it was kept).</summary>
public sealed class OversizedFormFile(string name, string fileName, long length, string? contentType) : IFormFile
{
    public string ContentType => contentType ?? "";

    public string ContentDisposition => "";

    public IHeaderDictionary Headers { get; } = new HeaderDictionary();

    public long Length => length;

    public string Name => name;

    public string FileName => fileName;

    public Stream OpenReadStream() => throw new InvalidOperationException("The file was larger than the limit and was not kept.");

    public void CopyTo(Stream target) => throw new InvalidOperationException("The file was larger than the limit and was not kept.");

    public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The file was larger than the limit and was not kept.");
}
