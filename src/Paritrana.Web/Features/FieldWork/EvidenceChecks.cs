using Paritrana.Web.Infrastructure.Files;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>An upload that passed every check: its staged copy (the caller keeps or disposes it), its kind told from its bytes, its safe name.</summary>
public sealed record CheckedUpload(StagedUpload Staged, FileKind Kind, string FileName);

/// <summary>
/// The checks every evidence upload of the portal goes through, in one place (the field work's
/// upload page and the candidate's self-assessment, docs/decisions/051): staged with a hash and cut
/// off past the size limit, its type told and its content checked from its bytes
/// (<see cref="FileSignature.Inspect"/>), its name kept only in a safe form.
/// </summary>
public static class EvidenceChecks
{
    /// <summary>The checked upload, or the message to show beside the file field (the staged copy then already disposed).</summary>
    public static async Task<(CheckedUpload? Upload, string? Error)> CheckAsync(IFormFile upload, long maxBytes, string maxSizeText, IStringLocalizer l, CancellationToken ct)
    {
        StagedUpload staged;
        await using (var content = upload.OpenReadStream())
        {
            staged = await StagedUpload.StageAsync(content, maxBytes, ct);
        }

        string? error = null;
        FileKind kind = default;
        string? fileName = null;
        if (staged.TooLarge)
        {
            error = l["Berkas lebih besar dari batas {0}.", maxSizeText];
        }
        else
        {
            var inspection = EvidenceStore.Inspect(staged);
            if (inspection is not { IsAccepted: true, Kind: FileKind k })
            {
                error = RefusalText(l, inspection.Refusal ?? ContentRefusal.UnknownType);
            }
            else if (SafeFileName.From(upload.FileName, k) is not string safe)
            {
                error = l["Nama berkas \"{0}\" tidak dapat dipakai. Ganti namanya (tanpa garis miring atau \"..\"), lalu unggah lagi.", upload.FileName];
            }
            else
            {
                (kind, fileName) = (k, safe);
            }
        }

        if (error is not null)
        {
            await staged.DisposeAsync();
            return (null, error);
        }

        return (new CheckedUpload(staged, kind, fileName!), null);
    }

    /// <summary>Why a file's content was refused, as the page says it.</summary>
    public static string RefusalText(IStringLocalizer l, ContentRefusal refusal) => l[FieldWorkNames.Refusal(refusal), refusal switch
    {
        ContentRefusal.OfficeInflation => EvidenceRow.FormatSize(OfficeInspector.MaxInflatedBytes),
        ContentRefusal.OfficeTooManyParts => OfficeInspector.MaxEntries.ToString("N0", CultureInfo.CurrentCulture),
        _ => "",
    }];
}
