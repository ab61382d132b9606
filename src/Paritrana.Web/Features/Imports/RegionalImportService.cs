using Npgsql;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// The preview of a regional coverage extract (docs/import-format.md): the same steps as the
/// employer file's (<see cref="ImportService.PreviewAsync"/>: staged, checked in one pass against
/// the actor's area, kept with its batch of kind <see cref="ImportKind.RegionalFigures"/>), with
/// the regional reader and its warnings. Starting and cancelling are the employer file's
/// (<see cref="ImportService.StartAsync"/>, all rows only); the run is <see cref="RegionalImporter"/>.
/// </summary>
public sealed class RegionalImportService(ImportService imports)
{
    public sealed record PreviewOutcome(long? BatchId, ImportSummary<RegionalRow>? Summary, ImportError? FileError, bool TooLarge);

    /// <param name="maxBytes">The largest file accepted; the setting <c>Imports:MaxFileBytes</c> when null.</param>
    public async Task<PreviewOutcome> PreviewAsync(Stream content, string fileName, ImportActor actor, CancellationToken ct, long? maxBytes = null)
    {
        var (batchId, summary, fileError, tooLarge) = await imports.PreviewAsync<RegionalRow, ImportSummary<RegionalRow>, ImportStorage.RegionalPreviewDetails>(
            content, fileName, actor, ImportKind.RegionalFigures, maxBytes, Validate,
            (sha, s) => new ImportStorage.RegionalPreviewDetails(sha, s.ErrorCount, s.Errors, s.WarningCount, s.Warnings, s.Sample), ct);
        return new PreviewOutcome(batchId, summary, fileError, tooLarge);
    }

    private static Task<ImportSummary<RegionalRow>> Validate(Stream file, NpgsqlConnection connection, ImportReference reference, CancellationToken ct)
    {
        var summary = new ImportSummary<RegionalRow>();
        foreach (var result in new RegionalFileReader(reference).Read(file))
        {
            summary.Add(result.Row, result.Errors, result.Warnings);
        }

        return Task.FromResult(summary);
    }
}
