using System.Diagnostics;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// <c>dotnet Paritrana.Web.dll import-employers FILE [--valid-only]</c> and
/// <c>dotnet Paritrana.Web.dll import-regional FILE</c> (a regional coverage extract, all or nothing): a national bulk load with
/// the portal's own import, as the administrator (no branch restriction and no upload size limit).
/// Prints the validation summary and the first errors; refuses a file with invalid rows unless
/// <c>--valid-only</c>; then imports and prints the counts and the time taken. Exit code 0 when
/// the file was imported, 1 when it was refused or the import failed.
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import-employers";
    public const string RegionalVerb = "import-regional";
    public const string ValidOnlyOption = "--valid-only";
    public const int ErrorsShown = 50;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, ImportKind kind = ImportKind.Employers)
    {
        var regional = kind == ImportKind.RegionalFigures;
        var validOnly = args.Contains(ValidOnlyOption, StringComparer.Ordinal);
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1 || args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && (regional || a != ValidOnlyOption)))
        {
            await error.WriteLineAsync(regional ? $"Pemakaian: {RegionalVerb} BERKAS.csv" : $"Pemakaian: {Verb} BERKAS.csv [{ValidOnlyOption}]");
            return 1;
        }

        var path = files[0];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"Berkas {path} tidak ditemukan.");
            return 1;
        }

        using var cancel = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancel.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            return await RunAsync(services, path, kind, validOnly, output, error, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await error.WriteLineAsync("Dihentikan. Transaksi impor dibatalkan; tidak ada data yang berubah.");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private static async Task<int> RunAsync(IServiceProvider services, string path, ImportKind kind, bool validOnly, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var regional = kind == ImportKind.RegionalFigures;
        await using var scope = services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();

        long? previewed;
        ImportError? fileError;
        (int TotalRows, int ValidRows, int InvalidRows, int ErrorCount, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportError> Warnings) summary = (0, 0, 0, 0, [], []);
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            if (kind == ImportKind.RegionalFigures)
            {
                var preview = await scope.ServiceProvider.GetRequiredService<RegionalImportService>().PreviewAsync(file, Path.GetFileName(path), ImportActor.CommandLine, ct, maxBytes: long.MaxValue);
                (previewed, fileError) = (preview.BatchId, preview.FileError);
                if (preview.Summary is { } s)
                {
                    summary = (s.TotalRows, s.ValidRows, s.InvalidRows, s.ErrorCount, s.Errors, s.Warnings);
                }
            }
            else
            {
                var preview = await imports.PreviewAsync(file, Path.GetFileName(path), ImportActor.CommandLine, ct, maxBytes: long.MaxValue);
                (previewed, fileError) = (preview.BatchId, preview.FileError);
                if (preview.Summary is { } s)
                {
                    summary = (s.TotalRows, s.ValidRows, s.InvalidRows, s.ErrorCount, s.Errors, s.Warnings);
                }
            }
        }

        if (fileError is not null)
        {
            await error.WriteLineAsync(fileError.Message);
            return 1;
        }

        var batchId = previewed!.Value;
        var checkedIn = total.Elapsed;
        await output.WriteLineAsync($"Impor #{batchId}: {N(summary.TotalRows)} baris, {N(summary.ValidRows)} valid, {N(summary.InvalidRows)} tidak valid (diperiksa dalam {Seconds(checkedIn)}).");
        foreach (var e in summary.Errors.Take(ErrorsShown))
        {
            await output.WriteLineAsync($"  baris {e.Line}, kolom {e.Column ?? "—"}: {e.Message}");
        }

        if (summary.ErrorCount > ErrorsShown)
        {
            await output.WriteLineAsync($"  … dan {N(summary.ErrorCount - ErrorsShown)} kesalahan lainnya.");
        }

        foreach (var w in summary.Warnings.Take(ErrorsShown))
        {
            await output.WriteLineAsync($"  peringatan, baris {w.Line}, kolom {w.Column ?? "—"}: {w.Message}");
        }

        if (summary.ValidRows == 0 || (summary.InvalidRows > 0 && !validOnly))
        {
            await imports.CancelAsync(batchId, ct);
            await error.WriteLineAsync(summary.ValidRows == 0
                ? "Tidak ada baris yang valid; tidak ada yang diimpor."
                : regional
                ? "Berkas berisi baris yang tidak valid; tidak ada yang diimpor (semua atau tidak sama sekali). Perbaiki berkasnya lalu jalankan lagi."
                : $"Berkas berisi baris yang tidak valid; tidak ada yang diimpor. Perbaiki berkasnya, atau jalankan lagi dengan {ValidOnlyOption} untuk mengimpor baris yang valid saja.");
            return 1;
        }

        if (!await imports.StartAsync(batchId, validRowsOnly: summary.InvalidRows > 0, ct, runAsJob: false))
        {
            await error.WriteLineAsync("Impor ini tidak dapat dimulai.");
            return 1;
        }

        var importing = Stopwatch.StartNew();
        ImportRunner importer = regional ? scope.ServiceProvider.GetRequiredService<RegionalImporter>() : scope.ServiceProvider.GetRequiredService<EmployerImporter>();
        var result = await importer.RunAsync(batchId, ct: ct);
        if (result is not { Outcome: ImportRunner.Outcome.Completed, Counts: { } c })
        {
            await error.WriteLineAsync(result.Failure is { } f ? ImportNames.Failure(f) : "Impor ini sedang dijalankan oleh proses lain.");
            return 1;
        }

        await output.WriteLineAsync(regional
            ? $"Selesai: {N(c.Imported)} baris; angka wilayah baru {N(c.FiguresInserted)}, diganti {N(c.FiguresUpdated)}, tanpa perubahan {N(c.Unchanged)}."
            : $"Selesai: {N(c.Imported)} baris diimpor, {N(c.Skipped)} dilewati; pemberi kerja baru {N(c.EmployersInserted)}, diperbarui {N(c.EmployersUpdated)}; " +
            $"angka kepesertaan baru {N(c.FiguresInserted)}, diperbarui {N(c.FiguresUpdated)}; tanpa perubahan {N(c.Unchanged)}.");
        await output.WriteLineAsync($"Waktu: pemeriksaan {Seconds(checkedIn)}, impor {Seconds(importing.Elapsed)}, total {Seconds(total.Elapsed)}.");
        return 0;
    }

    private static string N(int value) => value.ToString("N0", Indonesian);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N2", Indonesian) + " s";
}
