using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Options;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure.Files;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.FieldWork.Files;

/// <summary>
/// Uploads one evidence file to a visit, a coaching item or a government regulation of a nomination
/// (<c>?nomination=ID&amp;visit=ID</c>, <c>&amp;item=ID</c> or <c>&amp;regulation=ID</c>). The type is
/// told and the content checked from the bytes (<see cref="FileSignature.Inspect"/> on a temporary
/// copy), never from the name or the browser's content type; a refused file is named with its reason;
/// the name is kept only in a safe form; the bytes are stored in PostgreSQL under a generated id
/// (<see cref="EvidenceStore"/>). A file above <c>Evidence:MaxFileBytes</c>, however large, is read to
/// its end without being kept (<see cref="EvidenceUploadLimitAttribute"/>), so that the page answers
/// with the size message rather than a broken connection.
/// </summary>
[Authorize(Policy = Policies.Committee)]
[EvidenceUploadLimit]
public class UploadModel(
    ParitranaDbContext db,
    CurrentUser me,
    IOptions<EvidenceOptions> options,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    /// <summary>What the file is attached to, as the page names it.</summary>
    public string TargetText { get; private set; } = "";

    public string? Refusal { get; private set; }

    public int? VisitId { get; private set; }

    public int? ItemId { get; private set; }

    public int? RegulationId { get; private set; }

    public string MaxSizeText => options.Value.MaxFileSizeText;

    public sealed class InputModel
    {
        [Display(Name = "Berkas (PDF, JPEG, PNG, DOCX atau XLSX)")]
        public IFormFile? File { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IOptions<EvidenceOptions> options, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.File).UploadedFile(l, () => l["Pilih berkas yang akan diunggah."], () => l["Berkas kosong. Pilih berkas yang berisi dokumen atau gambar."], options.Value.MaxFileBytes, options.Value.MaxFileSizeText);
        }
    }

    public async Task<IActionResult> OnGetAsync(int nomination, int? visit, int? item, int? regulation, CancellationToken ct) =>
        await LoadAsync(nomination, visit, item, regulation, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int nomination, int? visit, int? item, int? regulation, CancellationToken ct)
    {
        if (this.NotFoundOrRefused(await LoadAsync(nomination, visit, item, regulation, ct), Refusal) is { } stop)
        {
            return stop;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var upload = Input.File!;
        var (checkedUpload, error) = await EvidenceChecks.CheckAsync(upload, options.Value.MaxFileBytes, MaxSizeText, l, ct);
        if (checkedUpload is null)
        {
            ModelState.AddModelError("Input.File", error!);
            return Page();
        }

        await using var stagedCopy = checkedUpload.Staged;
        var file = await KeepAsync(checkedUpload.Staged, checkedUpload.Kind, checkedUpload.FileName, ct);
        TempData["StatusMessage"] = l["Berkas {0} telah diunggah.", file.FileName].Value;
        return EvidenceTargets.Back(this, file);
    }

    private async Task<EvidenceFile> KeepAsync(StagedUpload staged, FileKind kind, string fileName, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var file = new EvidenceFile
        {
            Id = id,
            NominationId = Nomination.Id,
            ProvinceCode = Nomination.ProvinceCode,
            RegencyCode = Nomination.RegencyCode,
            VisitId = VisitId,
            CoachingItemId = ItemId,
            RegulationId = RegulationId,
            FileName = fileName,
            Kind = kind,
            Size = staged.Size,
            Sha256 = staged.Sha256,
            StorageName = EvidenceStore.StorageNameOf(id),
            UploadedBy = me.Id ?? Guid.Empty,
            UploadedAt = clock.GetUtcNow(),
        };
        db.EvidenceFiles.Add(file);
        audit.Record(AuditActions.FileUploaded, NominationTimeline.FileEntity, id.ToString(), file.ProvinceCode,
            AuditDetails.Of(
                ("nomination", file.NominationId.ToString(CultureInfo.InvariantCulture)),
                ("visit", file.VisitId?.ToString(CultureInfo.InvariantCulture)),
                ("coaching item", file.CoachingItemId?.ToString(CultureInfo.InvariantCulture)),
                ("regulation", file.RegulationId?.ToString(CultureInfo.InvariantCulture)),
                ("kind", kind.ToString()),
                ("size", file.Size.ToString(CultureInfo.InvariantCulture)),
                ("sha256", file.Sha256),
                ("name", fileName)));
        // The bytes, the row and its audit event in one transaction.
        await EvidenceStore.KeepAsync(db, staged, file.StorageName, ct);
        return file;
    }

    private async Task<bool> LoadAsync(int nominationId, int? visit, int? item, int? regulation, CancellationToken ct)
    {
        // Exactly one thing to attach the file to.
        if (new[] { visit, item, regulation }.Count(x => x is not null) != 1)
        {
            return false;
        }

        var nomination = await NominationRef.LoadAsync(db, await me.GetScopeAsync(ct), nominationId, ct);
        if (nomination is null)
        {
            return false;
        }

        Nomination = nomination;
        Refusal = nomination.ChangeRefusal(l, me.Role);
        (VisitId, ItemId, RegulationId) = (visit, item, regulation);
        string? target = null;
        if (visit is int visitId)
        {
            var v = await db.Visits.AsNoTracking().Where(x => x.Id == visitId && x.NominationId == nominationId).Select(x => new { x.PlannedAt, x.Place }).FirstOrDefaultAsync(ct);
            target = v is null ? null : l["Kunjungan {0} — {1}", LocalTime.Format(v.PlannedAt, nomination.ProvinceCode), v.Place].Value;
        }
        else if (item is int itemId)
        {
            var finding = await db.CoachingItems.AsNoTracking().Where(x => x.Id == itemId && x.NominationId == nominationId).Select(x => x.Finding).FirstOrDefaultAsync(ct);
            target = finding is null ? null : l["Butir pembinaan: {0}", finding].Value;
        }
        else if (regulation is int regulationId)
        {
            var r = await db.GovernmentRegulations.AsNoTracking().Where(x => x.Id == regulationId && x.NominationId == nominationId).Select(x => new { x.Type, x.Number, x.Year }).FirstOrDefaultAsync(ct);
            target = r is null ? null : l["Regulasi: {0} {1}/{2}", l[NominationNames.Regulation(r.Type)].Value, r.Number, r.Year.ToString(CultureInfo.InvariantCulture)].Value;
        }

        TargetText = target ?? "";
        return target is not null;
    }
}
