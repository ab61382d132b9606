using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Options;
using Paritrana.Web.Features.Candidates;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure.Files;

namespace Paritrana.Web.Pages.Candidate;

/// <summary>
/// One coaching item addressed to the representative's organisation (issue 18, docs/decisions/050):
/// what the committee found and recommends, who is responsible, by when, its state, and the answer
/// form: a note ("sudah diperbaiki") and an optional evidence file, checked like every evidence upload
/// (size, type and content from the bytes, <see cref="EvidenceStore"/>) and stored in PostgreSQL. An
/// item of another organisation, or one not addressed to it, is 404 alike. Answers and uploads count in
/// the representative's own hourly limits (<see cref="CandidateLimits"/>).
/// </summary>
[EvidenceUploadLimit]
public class CoachingModel(
    ParitranaDbContext db,
    CurrentUser me,
    CandidateCoaching coaching,
    CandidateLimits limits,
    IOptions<EvidenceOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxNoteLength = 4000;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CandidateArea.ItemView Item { get; private set; } = null!;

    public CandidateArea.NominationView Nomination { get; private set; } = null!;

    public IReadOnlyList<EvidenceRow> Files { get; private set; } = [];

    public string MaxSizeText => options.Value.MaxFileSizeText;

    public sealed class InputModel
    {
        [Display(Name = "Apa yang sudah diperbaiki")]
        public string? Note { get; set; }

        [Display(Name = "Berkas bukti (tidak wajib; PDF, JPEG, PNG, DOCX atau XLSX)")]
        public IFormFile? File { get; set; }

        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IOptions<EvidenceOptions> options, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Note).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => l["Tuliskan apa yang sudah diperbaiki."])
                .MaximumLength(MaxNoteLength).WithMessage(_ => l["Catatan paling banyak {0} karakter.", MaxNoteLength.ToString("N0")]);
            When(x => x.File is not null, () =>
                RuleFor(x => x.File).Cascade(CascadeMode.Stop)
                    .Must(f => f!.Length > 0).WithMessage(_ => l["Berkas kosong. Pilih berkas yang berisi dokumen atau gambar."])
                    .Must(f => f!.Length <= options.Value.MaxFileBytes).WithMessage(_ => l["Berkas lebih besar dari batas {0}.", options.Value.MaxFileSizeText]));
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var item = await CandidateArea.Items(db, scope).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CandidateCoachingRules.MayAnswer(item))
        {
            ModelState.AddModelError("", l["Butir pembinaan ini tidak menunggu jawaban Anda saat ini."]);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = me.Id!.Value;
        if (!await limits.AllowsAnswerAsync(user, ct))
        {
            ModelState.AddModelError("", l["Anda sudah mengirim {0} jawaban dalam satu jam terakhir. Coba lagi nanti.", limits.AnswersPerHour]);
            return Page();
        }

        if (Input.File is not null && !await limits.AllowsUploadAsync(user, ct))
        {
            ModelState.AddModelError("Input.File", l["Anda sudah mengunggah {0} berkas dalam satu jam terakhir. Kirim jawaban tanpa berkas atau coba lagi nanti.", limits.UploadsPerHour]);
            return Page();
        }

        StagedUpload? staged = null;
        try
        {
            AnswerFile? file = null;
            if (Input.File is { } upload)
            {
                await using (var content = upload.OpenReadStream())
                {
                    staged = await StagedUpload.StageAsync(content, options.Value.MaxFileBytes, ct);
                }

                if (staged.TooLarge)
                {
                    ModelState.AddModelError("Input.File", l["Berkas lebih besar dari batas {0}.", MaxSizeText]);
                    return Page();
                }

                var inspection = EvidenceStore.Inspect(staged);
                if (inspection is not { IsAccepted: true, Kind: FileKind kind })
                {
                    var refusal = inspection.Refusal ?? ContentRefusal.UnknownType;
                    ModelState.AddModelError("Input.File", l[FieldWorkNames.Refusal(refusal), refusal switch
                    {
                        ContentRefusal.OfficeInflation => EvidenceRow.FormatSize(OfficeInspector.MaxInflatedBytes),
                        ContentRefusal.OfficeTooManyParts => OfficeInspector.MaxEntries.ToString("N0", CultureInfo.CurrentCulture),
                        _ => "",
                    }]);
                    return Page();
                }

                if (SafeFileName.From(upload.FileName, kind) is not string fileName)
                {
                    ModelState.AddModelError("Input.File", l["Nama berkas \"{0}\" tidak dapat dipakai. Ganti namanya (tanpa garis miring atau \"..\"), lalu unggah lagi.", upload.FileName]);
                    return Page();
                }

                file = new AnswerFile(staged, kind, fileName);
            }

            switch (await coaching.AnswerAsync(item, Nomination.OrganisationName, Input.Note!.Trim(), file, Input.Version, ct))
            {
                case null:
                    db.ChangeTracker.Clear();
                    await LoadAsync(id, ct);
                    ModelState.AddModelError("", l["Butir pembinaan ini baru saja diubah. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi langkah Anda."]);
                    return Page();
                case false:
                    ModelState.AddModelError("", l["Butir pembinaan ini tidak menunggu jawaban Anda saat ini."]);
                    return Page();
            }
        }
        finally
        {
            if (staged is not null)
            {
                await staged.DisposeAsync();
            }
        }

        TempData["StatusMessage"] = l["Jawaban Anda telah dikirim. Panitia provinsi akan memeriksanya; Anda mendapat pemberitahuan bila butir ini dinyatakan selesai atau jawaban dikembalikan."].Value;
        return RedirectToPage("/Candidate/Coaching", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (await CandidateArea.ItemAsync(db, scope, id, ct) is not { } item
            || await CandidateArea.NominationAsync(db, scope, item.NominationId, ct) is not { } nomination)
        {
            return false;
        }

        (Item, Nomination) = (item, nomination);
        Files = await CandidateArea.FilesAsync(db, nomination.OrganisationId, id, ct);
        return true;
    }
}
