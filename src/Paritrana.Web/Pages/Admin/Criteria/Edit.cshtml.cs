using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.Admin.Criteria;

/// <summary>
/// Edits the current criteria of a category: aspects (code, name, weight, order) and their
/// indicators (code, name, weight, scale, rubric per level, evidence guidance), added and removed
/// with buttons that re-render the form without saving (no script needed). A set not yet used by
/// any scorecard is changed in place; a locked set is never changed: saving makes the next
/// version, which becomes current, and existing scorecards keep the version they were opened with.
/// </summary>
public class EditModel(
    ParitranaDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxAspects = 20;
    public const int MaxIndicatorsPerAspect = 30;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SetInfo Set { get; private set; } = null!;

    /// <summary>The set's aspects as stored (for the read-only view of an older version).</summary>
    public IReadOnlyList<Aspect> StoredAspects { get; private set; } = [];

    public sealed record VersionRef(int Id, int VersionNumber, bool IsCurrent, bool IsLocked);

    public sealed record SetInfo(int Id, int CycleYear, string CategoryName, string CategoryCode, CategoryKind Kind, int VersionNumber, bool IsLocked, bool IsCurrent, int Cards, IReadOnlyList<VersionRef> Versions);

    public sealed class InputModel
    {
        /// <summary>The row version (PostgreSQL xmin) of the set the form was read at.</summary>
        public uint Version { get; set; }

        public List<AspectInput> Aspects { get; set; } = [];
    }

    public sealed class AspectInput
    {
        [Display(Name = "Kode aspek")]
        public string? Code { get; set; }

        [Display(Name = "Nama aspek")]
        public string? Name { get; set; }

        [Display(Name = "Bobot aspek (%)")]
        public string? Weight { get; set; }

        [Display(Name = "Urutan")]
        public int? SortOrder { get; set; }

        public List<IndicatorInput> Indicators { get; set; } = [];
    }

    public sealed class IndicatorInput
    {
        [Display(Name = "Kode indikator")]
        public string? Code { get; set; }

        [Display(Name = "Nama indikator")]
        public string? Name { get; set; }

        [Display(Name = "Bobot dalam aspek (%)")]
        public string? Weight { get; set; }

        [Display(Name = "Skala")]
        public ScaleKind? Scale { get; set; }

        [Display(Name = "Panduan bukti")]
        public string? EvidenceGuidance { get; set; }

        [Display(Name = "Rubrik tingkat 1")]
        public string? Rubric1 { get; set; }

        [Display(Name = "Rubrik tingkat 2")]
        public string? Rubric2 { get; set; }

        [Display(Name = "Rubrik tingkat 3")]
        public string? Rubric3 { get; set; }

        [Display(Name = "Rubrik tingkat 4")]
        public string? Rubric4 { get; set; }

        [Display(Name = "Rubrik tingkat 5")]
        public string? Rubric5 { get; set; }

        public string?[] Rubrics => [Rubric1, Rubric2, Rubric3, Rubric4, Rubric5];
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Aspects.Count).LessThanOrEqualTo(MaxAspects)
                .WithMessage(_ => l["Paling banyak {0} aspek.", MaxAspects]).OverridePropertyName("");

            RuleForEach(x => x.Aspects).ChildRules(aspect =>
            {
                aspect.RuleFor(a => a.Code).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => l["Kode aspek wajib diisi."])
                    .Must(CycleRules.IsValidCode).WithMessage(_ => l["Kode terdiri atas huruf besar dan angka saja, paling banyak {0} karakter.", CycleRules.MaxCodeLength]);
                aspect.RuleFor(a => a.Name).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => l["Nama aspek wajib diisi."])
                    .MaximumLength(200).WithMessage(_ => l["Nama aspek paling banyak {0} karakter.", 200]);
                aspect.RuleFor(a => a.Weight).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => l["Bobot wajib diisi."])
                    .Must(w => ScoreText.TryParse(w, out _)).WithMessage(_ => l["Bobot harus berupa angka, misalnya 25 atau 12,5."]);
                aspect.RuleFor(a => a.SortOrder).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["Urutan wajib diisi."])
                    .InclusiveBetween(1, 999).WithMessage(_ => l["Urutan harus antara 1 dan {0}.", 999]);
                aspect.RuleFor(a => a.Indicators.Count).LessThanOrEqualTo(MaxIndicatorsPerAspect)
                    .WithMessage(_ => l["Paling banyak {0} indikator per aspek.", MaxIndicatorsPerAspect]).OverridePropertyName("Code");
                aspect.RuleForEach(a => a.Indicators).ChildRules(indicator =>
                {
                    indicator.RuleFor(i => i.Code).Cascade(CascadeMode.Stop)
                        .NotEmpty().WithMessage(_ => l["Kode indikator wajib diisi."])
                        .Must(CycleRules.IsValidCode).WithMessage(_ => l["Kode terdiri atas huruf besar dan angka saja, paling banyak {0} karakter.", CycleRules.MaxCodeLength]);
                    indicator.RuleFor(i => i.Name).Cascade(CascadeMode.Stop)
                        .NotEmpty().WithMessage(_ => l["Nama indikator wajib diisi."])
                        .MaximumLength(500).WithMessage(_ => l["Nama indikator paling banyak {0} karakter.", 500]);
                    indicator.RuleFor(i => i.Weight).Cascade(CascadeMode.Stop)
                        .NotEmpty().WithMessage(_ => l["Bobot wajib diisi."])
                        .Must(w => ScoreText.TryParse(w, out _)).WithMessage(_ => l["Bobot harus berupa angka, misalnya 25 atau 12,5."]);
                    indicator.RuleFor(i => i.Scale).Cascade(CascadeMode.Stop)
                        .NotNull().WithMessage(_ => l["Pilih skala."])
                        .IsInEnum().WithMessage(_ => l["Pilih skala."]);
                    indicator.RuleFor(i => i.EvidenceGuidance).MaximumLength(2000).WithMessage(_ => l["Panduan bukti paling banyak {0} karakter.", 2000]);
                    for (var level = 1; level <= 5; level++)
                    {
                        var n = level;
                        indicator.RuleFor(i => i.Rubrics[n - 1]).Cascade(CascadeMode.Stop)
                            .NotEmpty().When(i => i.Scale == ScaleKind.Levels).WithMessage(_ => l["Rubrik tingkat {0} wajib diisi untuk skala tingkat 1–5.", n])
                            .MaximumLength(1000).WithMessage(_ => l["Rubrik paling banyak {0} karakter.", 1000])
                            .OverridePropertyName("Rubric" + n.ToString(CultureInfo.InvariantCulture));
                    }
                });
            });

            RuleFor(x => x.Aspects).Custom((aspects, context) =>
            {
                foreach (var code in aspects.Select(a => a.Code).Where(c => !string.IsNullOrEmpty(c)).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))
                {
                    context.AddFailure("", l["Kode aspek {0} dipakai lebih dari sekali.", code!]);
                }

                foreach (var code in aspects.SelectMany(a => a.Indicators).Select(i => i.Code).Where(c => !string.IsNullOrEmpty(c)).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))
                {
                    context.AddFailure("", l["Kode indikator {0} dipakai lebih dari sekali.", code!]);
                }
            });
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().Include(s => s.Aspects).ThenInclude(a => a.Indicators).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (set is null || !await LoadInfoAsync(id, ct))
        {
            return NotFound();
        }

        StoredAspects = Ordered(set.Aspects);
        Input = new InputModel
        {
            Version = set.Version,
            Aspects = StoredAspects.Select(a => new AspectInput
            {
                Code = a.Code,
                Name = a.Name,
                Weight = ScoreText.ForDisplay(a.Weight),
                SortOrder = a.SortOrder,
                Indicators = a.Indicators.Select(i => new IndicatorInput
                {
                    Code = i.Code,
                    Name = i.Name,
                    Weight = ScoreText.ForDisplay(i.Weight),
                    Scale = i.Scale,
                    EvidenceGuidance = i.EvidenceGuidance,
                    Rubric1 = i.Rubric1,
                    Rubric2 = i.Rubric2,
                    Rubric3 = i.Rubric3,
                    Rubric4 = i.Rubric4,
                    Rubric5 = i.Rubric5,
                }).ToList(),
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? command, CancellationToken ct)
    {
        if (!await LoadInfoAsync(id, ct))
        {
            return NotFound();
        }

        if (!Set.IsCurrent)
        {
            TempData["StatusMessage"] = l["Versi ini bukan versi terkini dan tidak dapat diubah."].Value;
            TempData["StatusIsError"] = true;
            return RedirectToPage(new { id });
        }

        if (ApplyCommand(command))
        {
            // Adding or removing rows re-renders the form from the model, not from the posted values.
            ModelState.Clear();
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var wanted = Wanted();
        foreach (var problem in CriteriaRules.Problems(Shape(wanted)))
        {
            ModelState.AddModelError("", l[problem.Template, problem.Args]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var set = await db.CriteriaSets.Include(s => s.Aspects).ThenInclude(a => a.Indicators).AsSplitQuery().FirstAsync(s => s.Id == id, ct);
        if (Signature(set.Aspects) == Signature(wanted))
        {
            TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
            return RedirectToPage(new { id });
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Entry(set).Property(s => s.Version).OriginalValue = Input.Version;
            if (!set.IsLocked)
            {
                // In place: no scorecard uses this set yet. The UPDATE of the set row checks the version.
                db.Entry(set).Property(s => s.IsCurrent).IsModified = true;
                db.Aspects.RemoveRange(set.Aspects);
                await db.SaveChangesAsync(ct);
                foreach (var aspect in wanted)
                {
                    aspect.CriteriaSetId = set.Id;
                    db.Aspects.Add(aspect);
                }

                audit.Record(AuditActions.CriteriaUpdated, "criteria-set", Id(set.Id), provinceCode: null, AuditDetails.Text($"category {Set.CategoryCode}; version {set.VersionNumber}; {Summary(wanted)}"));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                TempData["StatusMessage"] = l["Kriteria {0} telah disimpan.", Set.CategoryName].Value;
                return RedirectToPage(new { id });
            }

            // Locked: the set stays as it is for its scorecards; the change becomes the next version.
            set.IsCurrent = false;
            await db.SaveChangesAsync(ct);
            var next = new CriteriaSet
            {
                CycleId = set.CycleId,
                CategoryId = set.CategoryId,
                VersionNumber = Set.Versions.Max(v => v.VersionNumber) + 1,
                IsCurrent = true,
                CreatedAt = clock.GetUtcNow(),
                Aspects = wanted,
            };
            db.CriteriaSets.Add(next);
            await db.SaveChangesAsync(ct);
            audit.Record(AuditActions.CriteriaVersioned, "criteria-set", Id(next.Id), provinceCode: null,
                AuditDetails.Text($"category {Set.CategoryCode}; version {set.VersionNumber} -> {next.VersionNumber} (criteria set {set.Id} -> {next.Id}); {Summary(wanted)}"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            TempData["StatusMessage"] = l["Kriteria {0} sudah dipakai untuk menilai, jadi perubahan disimpan sebagai versi {1}. Kartu nilai yang sudah ada tetap memakai versi {2}.",
                Set.CategoryName, next.VersionNumber, set.VersionNumber].Value;
            return RedirectToPage(new { id = next.Id });
        }
        catch (DbUpdateException)
        {
            // A concurrency failure (another administrator, or the first scorecard locked the set
            // meanwhile), or a version number taken by a concurrent save: nothing was saved.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Kriteria ini baru saja diubah, oleh administrator lain atau karena penilaian dengan kriteria ini sudah dimulai. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }
    }

    /// <summary>The sum of a list of typed weights, for the running totals beside the form (null when one is not a number).</summary>
    public static decimal? SumOf(IEnumerable<string?> weights)
    {
        var sum = 0m;
        foreach (var w in weights)
        {
            if (!ScoreText.TryParse(w, out var value))
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }

    /// <summary>Applies an add or remove button; false for saving.</summary>
    private bool ApplyCommand(string? command)
    {
        var parts = (command ?? "save").Split(':');
        int Index(int at) => int.TryParse(parts.ElementAtOrDefault(at), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        switch (parts[0])
        {
            case "add-aspect" when Input.Aspects.Count < MaxAspects:
                Input.Aspects.Add(new AspectInput
                {
                    SortOrder = Input.Aspects.Select(a => a.SortOrder ?? 0).DefaultIfEmpty(0).Max() + 1,
                    Indicators = [new IndicatorInput { Scale = ScaleKind.Levels }],
                });
                return true;
            case "add-indicator" when Index(1) >= 0 && Index(1) < Input.Aspects.Count && Input.Aspects[Index(1)].Indicators.Count < MaxIndicatorsPerAspect:
                Input.Aspects[Index(1)].Indicators.Add(new IndicatorInput { Scale = ScaleKind.Levels });
                return true;
            case "remove-aspect" when Index(1) >= 0 && Index(1) < Input.Aspects.Count:
                Input.Aspects.RemoveAt(Index(1));
                return true;
            case "remove-indicator" when Index(1) >= 0 && Index(1) < Input.Aspects.Count && Index(2) >= 0 && Index(2) < Input.Aspects[Index(1)].Indicators.Count:
                Input.Aspects[Index(1)].Indicators.RemoveAt(Index(2));
                return true;
            case "save":
                return false;
            default:
                // A button for a row that is no longer there (a double click): show the form again.
                return true;
        }
    }

    private List<Aspect> Wanted() => Input.Aspects.Select(a => new Aspect
    {
        Code = a.Code!.Trim(),
        Name = a.Name!.Trim(),
        Weight = Parse(a.Weight),
        SortOrder = a.SortOrder!.Value,
        Indicators = a.Indicators.Select((i, index) => new Indicator
        {
            Code = i.Code!.Trim(),
            Name = i.Name!.Trim(),
            Weight = Parse(i.Weight),
            Scale = i.Scale!.Value,
            SortOrder = index + 1,
            EvidenceGuidance = Text(i.EvidenceGuidance),
            Rubric1 = Text(i.Rubric1),
            Rubric2 = Text(i.Rubric2),
            Rubric3 = Text(i.Rubric3),
            Rubric4 = Text(i.Rubric4),
            Rubric5 = Text(i.Rubric5),
        }).ToList(),
    }).ToList();

    private static decimal Parse(string? weight) => ScoreText.TryParse(weight, out var value) ? value : 0m;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<CriteriaRules.AspectShape> Shape(IEnumerable<Aspect> aspects) =>
        aspects.Select(a => new CriteriaRules.AspectShape(a.Name, a.Weight, a.Indicators.Select(i => new CriteriaRules.WeightItem(i.Name, i.Weight)).ToList())).ToList();

    private static List<Aspect> Ordered(IEnumerable<Aspect> aspects) =>
        aspects.OrderBy(a => a.SortOrder).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a =>
            {
                a.Indicators = a.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
                return a;
            })
            .ToList();

    /// <summary>Everything a person can change, in order: equal signatures mean nothing changed.</summary>
    private static string Signature(IEnumerable<Aspect> aspects)
    {
        var text = new StringBuilder();
        foreach (var a in Ordered(aspects))
        {
            text.Append(CultureInfo.InvariantCulture, $"A|{a.Code}|{a.Name}|{a.Weight:0.##}|{a.SortOrder}\n");
            foreach (var i in a.Indicators)
            {
                text.Append(CultureInfo.InvariantCulture, $"I|{i.Code}|{i.Name}|{i.Weight:0.##}|{i.Scale}|{i.EvidenceGuidance}|{i.Rubric1}|{i.Rubric2}|{i.Rubric3}|{i.Rubric4}|{i.Rubric5}\n");
            }
        }

        return text.ToString();
    }

    private static string Summary(IEnumerable<Aspect> aspects) =>
        string.Join(", ", aspects.Select(a => FormattableString.Invariant($"{a.Code} {a.Weight:0.##} ({string.Join(" ", a.Indicators.Select(i => FormattableString.Invariant($"{i.Code} {i.Weight:0.##}")))})")));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> LoadInfoAsync(int id, CancellationToken ct)
    {
        var info = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                Year = db.AwardCycles.Where(c => c.Id == s.CycleId).Select(c => c.Year).First(),
                Category = db.Categories.Where(c => c.Id == s.CategoryId).Select(c => new { c.Name, c.Code, c.Kind }).First(),
                s.VersionNumber,
                s.IsLocked,
                s.IsCurrent,
                Cards = db.Scorecards.Count(c => c.CriteriaSetId == s.Id),
                Versions = db.CriteriaSets.Where(v => v.CategoryId == s.CategoryId).OrderBy(v => v.VersionNumber)
                    .Select(v => new VersionRef(v.Id, v.VersionNumber, v.IsCurrent, v.IsLocked)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (info is null)
        {
            return false;
        }

        Set = new SetInfo(info.Id, info.Year, info.Category.Name, info.Category.Code, info.Category.Kind, info.VersionNumber, info.IsLocked, info.IsCurrent, info.Cards, info.Versions);
        return true;
    }
}
