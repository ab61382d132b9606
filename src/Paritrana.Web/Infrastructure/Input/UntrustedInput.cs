using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Paritrana.Domain.Input;

namespace Paritrana.Web.Infrastructure.Input;

/// <summary>
/// The first of the two checks of text from outside (docs/decisions/013), early in the pipeline:
/// a path or query string with refused text (<see cref="UntrustedText"/>: NUL and other C0 controls,
/// bytes that are not UTF-8) is answered 400 with the friendly error page, which says what was wrong
/// (<see cref="RefusedAddress"/>), before any page or query sees it. A URL-encoded form body is not
/// refused here, since its author should get the form back: it is read and its bytes checked by
/// <see cref="UrlEncodedFormFeature"/>, and <see cref="UntrustedFormFilter"/> acts on what it found.
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
                var form = new UrlEncodedFormFeature(request);
                context.Features.Set<IFormFeature>(form);
                context.Features.Set<IRawFormCheck>(form);
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
/// The form of a URL-encoded POST, read by <see cref="FormEncodedScanner"/> in place of the
/// framework's reader, which throws on a NUL (so that the antiforgery check, not the page, would
/// answer) and leaves broken percent-escapes as text. Same limits as the framework's reader; the
/// body is read once, when something first asks for the form (the antiforgery check).
/// </summary>
public sealed class UrlEncodedFormFeature(HttpRequest request) : IFormFeature, IRawFormCheck
{
    private Task<IFormCollection>? _reading;
    private FormEncodedScanner? _scanner;

    public bool HasFormContentType => true;

    public IFormCollection? Form { get; set; }

    public IFormCollection ReadForm() => ReadFormAsync(CancellationToken.None).GetAwaiter().GetResult();

    public Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) =>
        Form is { } form ? Task.FromResult(form) : _reading ??= ReadAsync(cancellationToken);

    public IReadOnlyList<string> RefusedFields() =>
        _scanner is not { HasInvalid: true } scanner ? [] : scanner.InvalidNames.Count == 0 ? [""] : scanner.InvalidNames;

    private async Task<IFormCollection> ReadAsync(CancellationToken ct)
    {
        var scanner = new FormEncodedScanner(keepPairs: true);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                scanner.Feed(buffer.AsSpan(0, read));
            }

            scanner.Complete();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in scanner.Pairs)
        {
            fields[key] = StringValues.Concat(fields.GetValueOrDefault(key), value);
        }

        _scanner = scanner;
        return Form = new FormCollection(fields);
    }
}
