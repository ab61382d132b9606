using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Paritrana.Web.Features.Reports;

/// <summary>
/// Renders a Razor partial view to an HTML string, so that the report the browser previews and the
/// one Chromium prints come from the same view (docs/decisions/008-finalist-report.md).
/// </summary>
public sealed class RazorHtml(IRazorViewEngine engine, ITempDataDictionaryFactory tempData, IModelMetadataProvider metadata, IWebHostEnvironment environment)
{
    public async Task<string> RenderAsync<TModel>(ActionContext context, string viewPath, TModel model)
    {
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: false);
        if (!found.Success)
        {
            throw new InvalidOperationException($"View {viewPath} not found.");
        }

        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<TModel>(metadata, new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext(context, found.View, viewData, tempData.GetTempData(context.HttpContext), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    /// <summary>The report style sheet (wwwroot/css/report.css), put inline in the document Chromium prints.</summary>
    public async Task<string> StyleSheetAsync(CancellationToken ct)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("css/report.css");
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>
    /// The whole document for Chromium: the report's body, its style sheet inline, and the page
    /// footer ("Halaman X dari Y", the generation time and the document reference) as CSS @page
    /// margin boxes.
    /// </summary>
    public async Task<string> DocumentAsync(string title, string body, string footerLeft, string pageOfPages, CancellationToken ct)
    {
        var css = await StyleSheetAsync(ct);
        var page = $$"""
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
              @bottom-left { content: "{{CssString(footerLeft)}}"; font-size: 8pt; color: #555; }
              @bottom-right { content: "{{CssString(pageOfPages).Replace("{0}", "\" counter(page) \"", StringComparison.Ordinal).Replace("{1}", "\" counter(pages) \"", StringComparison.Ordinal)}}"; font-size: 8pt; color: #555; } }
            """;
        return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>" + System.Net.WebUtility.HtmlEncode(title) + "</title><style>"
               + css + "\n" + page + "</style></head><body class=\"report-pdf\">" + body + "</body></html>";
    }

    /// <summary>A text safe inside a CSS string: no quote, backslash, angle bracket or line break survives.</summary>
    internal static string CssString(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' || char.IsControl(c))
            {
                sb.Append('\\').Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
