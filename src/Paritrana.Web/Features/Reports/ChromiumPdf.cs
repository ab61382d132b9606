using System.Diagnostics;
using System.Text;

namespace Paritrana.Web.Features.Reports;

/// <summary>Settings of the PDF renderer (section "Reports").</summary>
public sealed class PdfOptions
{
    /// <summary>Debian's chromium; never a browser downloaded at run time.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    public int MaxConcurrentRenders { get; set; } = 2;
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>Why a PDF could not be made, in words the user can act on (resource keys).</summary>
public sealed class PdfRenderException(string userMessage, string detail, Exception? inner = null) : Exception(detail, inner)
{
    public string UserMessage { get; } = userMessage;

    public const string ChromiumMissing = ReportTexts.ChromiumMissing;
    public const string TimedOut = ReportTexts.TimedOut;
    public const string Failed = ReportTexts.Failed;
}

/// <summary>
/// Renders HTML to PDF with headless Chromium from Debian's package (docs/decisions/003): one
/// short-lived Chromium process per document, so a crash affects one render only and the next
/// starts clean. Renders are bounded: at most <see cref="PdfOptions.MaxConcurrentRenders"/> at a
/// time (others wait), each killed after <see cref="PdfOptions.TimeoutSeconds"/>. A Content-Security-
/// Policy is put into the document, so no script runs and nothing is loaded from anywhere: the
/// page is its own inline HTML and CSS (images as data: URLs).
/// </summary>
public sealed class ChromiumPdf(Microsoft.Extensions.Options.IOptions<PdfOptions> options, ILogger<ChromiumPdf> logger) : IDisposable
{
    private readonly PdfOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentRenders));

    public bool IsAvailable => File.Exists(_options.ChromiumPath);

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct = default)
    {
        if (!IsAvailable)
        {
            throw new PdfRenderException(PdfRenderException.ChromiumMissing, $"Chromium not found at {_options.ChromiumPath}.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await _slots.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PdfRenderException(PdfRenderException.TimedOut, "Waited too long for a free render slot.");
        }

        var work = Directory.CreateTempSubdirectory("paritrana-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "report.html");
            var output = Path.Combine(work.FullName, "report.pdf");
            await File.WriteAllTextAsync(input, WithLockdown(html), Encoding.UTF8, timeout.Token);
            await RunChromiumAsync(work.FullName, input, output, timeout.Token, ct);
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                throw new PdfRenderException(PdfRenderException.Failed, "Chromium exited without writing a PDF.");
            }

            return await File.ReadAllBytesAsync(output, CancellationToken.None);
        }
        finally
        {
            _slots.Release();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not remove the temporary PDF directory {Directory}", work.FullName);
            }
        }
    }

    /// <summary>
    /// Chromium's switch to turn JavaScript off also stops printing, so scripts are refused by a
    /// CSP meta element placed first in the head instead.
    /// </summary>
    internal static string WithLockdown(string html)
    {
        const string Policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return head >= 0 ? html.Insert(head + "<head>".Length, Policy) : Policy + html;
    }

    private async Task RunChromiumAsync(string workDirectory, string input, string output, CancellationToken timeout, CancellationToken caller)
    {
        var info = new ProcessStartInfo(_options.ChromiumPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                     $"--user-data-dir={Path.Combine(workDirectory, "profile")}",
                     "--no-pdf-header-footer",
                     $"--print-to-pdf={output}",
                     new Uri(input).AbsoluteUri,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = info };
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && stderr.Length < 4000)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PdfRenderException(PdfRenderException.ChromiumMissing, $"Could not start {_options.ChromiumPath}: {e.Message}", e);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await process.WaitForExitAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (caller.IsCancellationRequested)
            {
                throw;
            }

            throw new PdfRenderException(PdfRenderException.TimedOut, $"Chromium did not finish within {_options.TimeoutSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            logger.LogWarning("Chromium exited with {Code}: {Error}", process.ExitCode, stderr.ToString());
            throw new PdfRenderException(PdfRenderException.Failed, $"Chromium exited with code {process.ExitCode}.");
        }
    }

    public void Dispose() => _slots.Dispose();
}
