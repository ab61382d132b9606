using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Paritrana.Web.Features.Reports;

namespace Paritrana.Web.Tests.Reports;

/// <summary>The PDF renderer on Debian's real Chromium, read back with pdftotext.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ChromiumPdfTests
{
    internal static async Task<string> PdfToTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"paritrana-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
            info.ArgumentList.Add("-layout");
            info.ArgumentList.Add(file);
            info.ArgumentList.Add("-");
            using var process = Process.Start(info)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static async Task<int> PageCountAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"paritrana-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var info = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true };
            info.ArgumentList.Add(file);
            using var process = Process.Start(info)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = text.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static ChromiumPdf Renderer(PdfOptions? options = null) =>
        new(Options.Create(options ?? new PdfOptions()), NullLogger<ChromiumPdf>.Instance);

    private const string TwoPages = """
        <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><style>
        @page { size: A4; margin: 20mm 15mm 20mm 15mm;
                @bottom-center { content: "Halaman " counter(page) " dari " counter(pages); font-size: 9pt; } }
        .break { break-before: page; }
        </style></head><body>
        <h1>Laporan Finalis Penghargaan Paritrana 2025</h1><p>Bank BPD Bali: 86,50</p>
        <h2 class="break">Bagian kedua</h2><p>KAPIT MAS: 81,17</p>
        <script>document.body.innerHTML = "SCRIPT RAN";</script>
        </body></html>
        """;

    [Fact]
    public async Task Html_becomes_an_a4_pdf_with_page_x_of_y_footers_and_no_script_runs()
    {
        using var renderer = Renderer();
        var pdf = await renderer.RenderAsync(TwoPages);
        (await PageCountAsync(pdf)).ShouldBe(2);
        var text = await PdfToTextAsync(pdf);
        text.ShouldContain("Laporan Finalis Penghargaan Paritrana 2025");
        text.ShouldContain("Bank BPD Bali: 86,50");
        text.ShouldContain("Halaman 1 dari 2");
        text.ShouldContain("Halaman 2 dari 2");
        text.ShouldNotContain("SCRIPT RAN");
    }

    [Fact]
    public async Task A_missing_chromium_gives_a_clear_error_at_once()
    {
        using var renderer = Renderer(new PdfOptions { ChromiumPath = "/nonexistent/chromium" });
        var started = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<PdfRenderException>(() => renderer.RenderAsync(TwoPages));
        error.UserMessage.ShouldBe(PdfRenderException.ChromiumMissing);
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_render_that_hangs_is_killed_at_the_timeout()
    {
        // A "browser" that never finishes stands in for a hung Chromium.
        var fake = Path.Combine(Path.GetTempPath(), $"hanging-chromium-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nsleep 600\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            using var renderer = Renderer(new PdfOptions { ChromiumPath = fake, TimeoutSeconds = 2 });
            var started = Stopwatch.StartNew();
            var error = await Should.ThrowAsync<PdfRenderException>(() => renderer.RenderAsync(TwoPages));
            error.UserMessage.ShouldBe(PdfRenderException.TimedOut);
            started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public async Task A_crashing_chromium_fails_one_render_and_the_next_one_works()
    {
        var fake = Path.Combine(Path.GetTempPath(), $"crashing-chromium-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nkill -SEGV $$\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            using var crashing = Renderer(new PdfOptions { ChromiumPath = fake });
            (await Should.ThrowAsync<PdfRenderException>(() => crashing.RenderAsync(TwoPages))).UserMessage.ShouldBe(PdfRenderException.Failed);
        }
        finally
        {
            File.Delete(fake);
        }

        using var working = Renderer();
        (await PageCountAsync(await working.RenderAsync(TwoPages))).ShouldBe(2);
    }

    [Fact]
    public async Task Renders_beyond_the_limit_wait_for_a_free_slot_and_all_finish()
    {
        // A wrapper around the real Chromium notes "+" when a render starts and "-" when it ends,
        // and holds each start until two renders have started (at most 3 s): with a limit of 2,
        // four renders then reach exactly 2 at once; without the limit they would reach 4.
        var log = Path.Combine(Path.GetTempPath(), $"renders-{Guid.NewGuid():N}.log");
        var wrapper = Path.Combine(Path.GetTempPath(), $"counting-chromium-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(log, "");
        await File.WriteAllTextAsync(wrapper, $$"""
            #!/bin/sh
            echo + >> {{log}}
            i=0
            while [ "$(grep -c + {{log}})" -lt 2 ] && [ $i -lt 300 ]; do sleep 0.01; i=$((i+1)); done
            {{new PdfOptions().ChromiumPath}} "$@"
            status=$?
            echo - >> {{log}}
            exit $status
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            using var renderer = Renderer(new PdfOptions { ChromiumPath = wrapper, MaxConcurrentRenders = 2 });
            var pdfs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => renderer.RenderAsync(TwoPages)));

            foreach (var pdf in pdfs)
            {
                (await PageCountAsync(pdf)).ShouldBe(2);
            }

            var marks = (await File.ReadAllLinesAsync(log)).Where(l => l.Length > 0).ToList();
            marks.Count(m => m == "+").ShouldBe(4);
            marks.Count(m => m == "-").ShouldBe(4);
            var running = 0;
            var peak = 0;
            foreach (var mark in marks)
            {
                running += mark == "+" ? 1 : -1;
                peak = Math.Max(peak, running);
            }

            peak.ShouldBe(2);
        }
        finally
        {
            File.Delete(wrapper);
            File.Delete(log);
        }
    }
}
