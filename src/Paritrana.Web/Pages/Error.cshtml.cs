using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Paritrana.Web.Infrastructure.Input;

namespace Paritrana.Web.Pages;

/// <summary>
/// The friendly error page for unhandled exceptions and error status codes (404, 403, 500, 503).
/// It never shows exception details; the request id lets an administrator find the log line.
/// </summary>
[IgnoreAntiforgeryToken]
public class ErrorModel(IStringLocalizer<SharedResource> l, ILogger<ErrorModel> logger) : PageModel
{

    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? RequestId { get; private set; }

    public void OnGet() => Describe(Code);

    public void OnPost() => Describe(Code);

    /// <summary>
    /// The status code the status-code pages put in the query string, read without model binding: a
    /// failed POST is re-executed here with its body, which may be the very thing that failed (cut
    /// off, not a form), and binding would give up on it and leave the code out ("not found").
    /// </summary>
    private int? Code => int.TryParse(Request.Query["code"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;

    private void Describe(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = code ?? (error is null ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError);

        if (error is not null)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
            if (DatabaseFaults.IsDatabaseUnavailable(error))
            {
                status = StatusCodes.Status503ServiceUnavailable;
                logger.LogWarning("Database unavailable while serving {Path}: {Message}", HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path, error.Message);
            }
            else if (error is DbUpdateConcurrencyException)
            {
                status = StatusCodes.Status409Conflict;
            }
        }

        Response.StatusCode = status;
        (Title, Message) = status switch
        {
            StatusCodes.Status404NotFound => (l["Halaman tidak ditemukan"].Value, l["Halaman atau data yang Anda cari tidak ada, atau tidak termasuk wilayah Anda."].Value),
            StatusCodes.Status403Forbidden => (l["Akses ditolak"].Value, l["Peran Anda tidak memberi akses ke halaman ini."].Value),
            StatusCodes.Status400BadRequest when HttpContext.Items.ContainsKey(UntrustedInput.RefusedAddress) =>
                (l["Permintaan tidak valid"].Value, l[InputTexts.AddressMessage].Value),
            StatusCodes.Status400BadRequest => (l["Permintaan tidak valid"].Value, l["Formulir ini sudah kedaluwarsa atau tidak lengkap. Muat ulang halaman lalu coba lagi."].Value),
            StatusCodes.Status409Conflict => (l["Data telah diubah orang lain"].Value, l["Data ini baru saja diubah oleh pengguna lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."].Value),
            StatusCodes.Status429TooManyRequests => (l["Terlalu banyak permintaan"].Value, l["Terlalu banyak percobaan dalam waktu singkat. Tunggu sebentar lalu coba lagi."].Value),
            StatusCodes.Status503ServiceUnavailable => (l["Layanan sedang tidak tersedia"].Value, l["Basis data portal sedang tidak dapat dihubungi. Data Anda aman; coba lagi dalam beberapa saat."].Value),
            _ => (l["Terjadi kesalahan"].Value, l["Maaf, terjadi kesalahan pada portal. Coba lagi; jika terulang, laporkan kode rujukan di bawah ini kepada administrator."].Value),
        };
    }
}
