using Paritrana.Web.Features.Reports;

namespace Paritrana.Web.Pages.Reports;

/// <summary>
/// What the report pages share: the preview is the report's partial view inside a bare document
/// that links the report style sheet (so the portal's Content-Security-Policy holds), and the PDF
/// is the same partial rendered to a string, with the style sheet inline, printed by Chromium.
/// </summary>
public abstract class ReportPage(RazorHtml razor, ChromiumPdf pdf, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The renderer's message when the PDF could not be made (shown above the preview).</summary>
    public string? PdfError { get; protected set; }

    public abstract string PartialPath { get; }

    public abstract object ReportModel { get; }

    public abstract string Title { get; }

    public abstract string Reference { get; }

    public abstract string LocalTime { get; }

    public abstract string FileName { get; }

    /// <summary>Where the preview's "back" link leads (a path that takes <c>?cycle=</c>) and its text (a resource key).</summary>
    public virtual string BackPath => "/Reports";

    public virtual string BackText => "Kembali ke laporan & ekspor";

    /// <summary>The left footer of every PDF page: the reference and when the document was made.</summary>
    public virtual string FooterLeft => l["{0} · dibuat {1}", Reference, LocalTime].Value;

    protected async Task<IActionResult> PdfAsync(CancellationToken ct)
    {
        string html;
        // The official document is Indonesian in both languages (docs/decisions/040).
        using (Formats.Indonesian())
        {
            var body = await razor.RenderAsync(PageContext, PartialPath, ReportModel);
            html = await razor.DocumentAsync(
                Title,
                body,
                FooterLeft,
                l["Halaman {0} dari {1}"].Value,
                ct);
        }

        try
        {
            var bytes = await pdf.RenderAsync(html, ct);
            return File(bytes, "application/pdf", FileName);
        }
        catch (PdfRenderException e)
        {
            PdfError = l[e.UserMessage].Value;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }
}
