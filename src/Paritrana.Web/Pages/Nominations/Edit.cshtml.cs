using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Features.Nominations;
using Paritrana.Web.Infrastructure;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// The figures of a nomination, editable by the committee while it is a draft or returned and its
/// cycle is open: employers' coverage and compliance, governments' coverage and their three lists
/// (regulations, APBD budget, innovations), each list item added or removed by its own small form.
/// Every save is checked against the version the form was read at; nothing is half-saved.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class EditModel(
    ParitranaDbContext db,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public RegulationInput Regulation { get; set; } = new();

    [BindProperty]
    public BudgetInput Budget { get; set; } = new();

    [BindProperty]
    public InnovationInput Innovation { get; set; } = new();

    public int Id { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public string? Npp { get; private set; }

    public string CategoryName { get; private set; } = "";

    public NominationStatus Status { get; private set; }

    public string? LastReturnReason { get; private set; }

    public bool IsGovernment { get; private set; }

    public int CycleYear { get; private set; }

    /// <summary>The stored version, carried by the small list forms.</summary>
    public uint CurrentVersion { get; private set; }

    /// <summary>The coverage of the stored figures.</summary>
    public decimal? Coverage { get; private set; }

    public IReadOnlyList<GovernmentRegulation> Regulations { get; private set; } = [];

    public IReadOnlyList<BudgetAllocation> Budgets { get; private set; } = [];

    public IReadOnlyList<Innovation> Innovations { get; private set; } = [];

    public sealed class InputModel
    {
        [BindNever]
        public bool IsGovernment { get; set; }

        [BindNever]
        public int CycleYear { get; set; }

        [BindNever]
        public DateOnly Today { get; set; }

        [Display(Name = "Data per tanggal")]
        public DateOnly? FiguresAsOf { get; set; }

        [Display(Name = "Jumlah pekerja")]
        public int? Workers { get; set; }

        [Display(Name = "Peserta penerima upah (PU)")]
        public int? ParticipantsPu { get; set; }

        [Display(Name = "Peserta bukan penerima upah (BPU)")]
        public int? ParticipantsBpu { get; set; }

        [Display(Name = "Program yang diikuti")]
        public List<string> Programs { get; set; } = [];

        [Display(Name = "Tunggakan iuran (bulan)")]
        public int? ArrearsMonths { get; set; }

        [Display(Name = "Semua pekerja didaftarkan")]
        public bool? AllWorkersRegistered { get; set; }

        [Display(Name = "Upah dilaporkan dengan benar")]
        public bool? WagesReportedCorrectly { get; set; }

        [Display(Name = "Menggunakan SIPP")]
        public bool? UsesSipp { get; set; }

        [Display(Name = "Pengguna aplikasi JMO")]
        public int? JmoUsers { get; set; }

        [Display(Name = "NIK pekerja tervalidasi (%)")]
        public decimal? NikValidatedPercent { get; set; }

        [Display(Name = "Jumlah vendor")]
        public int? VendorCount { get; set; }

        [Display(Name = "Vendor yang terdaftar BPJamsostek")]
        public int? VendorsRegistered { get; set; }

        [Display(Name = "Program CSR untuk pekerja rentan")]
        public string? CsrDescription { get; set; }

        /// <summary>Rupiah as typed ("1.250.000.000"); read by <see cref="RupiahText"/>.</summary>
        [Display(Name = "Nilai CSR (Rupiah)")]
        public string? CsrAmount { get; set; }

        [Display(Name = "Angkatan kerja (BPS)")]
        public long? WorkforceBps { get; set; }

        [Display(Name = "Pekerja terlindungi PU")]
        public int? ProtectedPu { get; set; }

        [Display(Name = "Pekerja terlindungi BPU")]
        public int? ProtectedBpu { get; set; }

        [Display(Name = "Pekerja non-ASN")]
        public int? NonAsnWorkers { get; set; }

        [Display(Name = "Pekerja non-ASN yang terlindungi")]
        public int? NonAsnCovered { get; set; }

        [Display(Name = "Ringkasan")]
        public string? Summary { get; set; }

        /// <summary>The row version (PostgreSQL xmin) the form was read at.</summary>
        public uint Version { get; set; }
    }

    public sealed class Validator : FactsValidator<InputModel>
    {
        private readonly NominationFacts facts;
        private readonly TimeProvider clock;

        public Validator(IStringLocalizer<SharedResource> l, NominationFacts facts, TimeProvider clock)
        {
            this.facts = facts;
            this.clock = clock;
            When(x => !x.IsGovernment, () =>
            {
                RuleFor(x => x.FiguresAsOf).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["{0} wajib diisi.", l["Data per tanggal"]])
                    .Must((x, d) => d >= new DateOnly(x.CycleYear - 1, 1, 1))
                    .WithMessage(x => l["Data per tanggal tidak boleh sebelum awal tahun penilaian ({0}).", new DateOnly(x.CycleYear - 1, 1, 1).ToString("d MMM yyyy")])
                    .Must((x, d) => d <= x.Today).WithMessage(_ => l["Data per tanggal tidak boleh di masa depan."]);
                RuleFor(x => x.Workers).Count(l, "Jumlah pekerja", FigureLimits.Workers, required: true);
                RuleFor(x => x.ParticipantsPu).Count(l, "Peserta penerima upah (PU)", FigureLimits.Workers, required: true)
                    .Must((x, _) => Fits(x.ParticipantsPu, x.ParticipantsBpu, x.Workers))
                    .WithMessage(x => l["Jumlah peserta PU dan BPU ({0}) melebihi jumlah pekerja ({1}).",
                        ((long)x.ParticipantsPu!.Value + x.ParticipantsBpu!.Value).ToString("N0"), x.Workers!.Value.ToString("N0")]);
                RuleFor(x => x.ParticipantsBpu).Count(l, "Peserta bukan penerima upah (BPU)", FigureLimits.Workers, required: true);
                RuleFor(x => x.ArrearsMonths).Count(l, "Tunggakan iuran (bulan)", FigureLimits.ArrearsMonths, required: true);
                RuleFor(x => x.Programs).Must(codes => Unknown(codes).Count == 0)
                    .WithMessage(x => l["Program tidak dikenal: {0}.", string.Join(", ", Unknown(x.Programs))]);
                RuleFor(x => x.JmoUsers).Count(l, "Pengguna aplikasi JMO", FigureLimits.Workers, required: false);
                RuleFor(x => x.NikValidatedPercent).InclusiveBetween(0m, 100m)
                    .WithMessage(_ => l["NIK pekerja tervalidasi harus antara 0 dan 100 persen."]);
                RuleFor(x => x.VendorCount).Count(l, "Jumlah vendor", FigureLimits.Vendors, required: false);
                RuleFor(x => x.VendorsRegistered).Count(l, "Vendor yang terdaftar BPJamsostek", FigureLimits.Vendors, required: false)
                    .Must((x, registered) => registered is null || x.VendorCount is not null)
                    .WithMessage(_ => l["Isi juga jumlah vendor bila jumlah vendor yang terdaftar diisi."])
                    .Must((x, registered) => !(registered >= 0 && x.VendorCount >= 0) || registered <= x.VendorCount)
                    .WithMessage(x => l["Jumlah vendor yang terdaftar ({0}) melebihi jumlah vendor ({1}).", x.VendorsRegistered!.Value.ToString("N0"), x.VendorCount!.Value.ToString("N0")]);
                RuleFor(x => x.CsrDescription).Text(l, "Program CSR untuk pekerja rentan", FigureLimits.LongText);
                RuleFor(x => x.CsrAmount).Rupiah(l, "Nilai CSR (Rupiah)", required: false);
            });

            When(x => x.IsGovernment, () =>
            {
                RuleFor(x => x.WorkforceBps).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["{0} wajib diisi.", l["Angkatan kerja (BPS)"]])
                    .GreaterThanOrEqualTo(0).WithMessage(_ => l["{0} tidak boleh negatif.", l["Angkatan kerja (BPS)"]])
                    .LessThanOrEqualTo(FigureLimits.Workforce).WithMessage(_ => l["{0} paling banyak {1}.", l["Angkatan kerja (BPS)"], FigureLimits.Workforce.ToString("N0")]);
                RuleFor(x => x.ProtectedPu).Count(l, "Pekerja terlindungi PU", FigureLimits.ProtectedWorkers, required: true)
                    .Must((x, _) => Fits(x.ProtectedPu, x.ProtectedBpu, x.WorkforceBps))
                    .WithMessage(x => l["Jumlah pekerja terlindungi PU dan BPU ({0}) melebihi angkatan kerja BPS ({1}).",
                        ((long)x.ProtectedPu!.Value + x.ProtectedBpu!.Value).ToString("N0"), x.WorkforceBps!.Value.ToString("N0")]);
                RuleFor(x => x.ProtectedBpu).Count(l, "Pekerja terlindungi BPU", FigureLimits.ProtectedWorkers, required: true);
                RuleFor(x => x.NonAsnWorkers).Count(l, "Pekerja non-ASN", FigureLimits.Workers, required: false);
                RuleFor(x => x.NonAsnCovered).Count(l, "Pekerja non-ASN yang terlindungi", FigureLimits.Workers, required: false)
                    .Must((x, covered) => covered is null || x.NonAsnWorkers is not null)
                    .WithMessage(_ => l["Isi juga jumlah pekerja non-ASN bila yang terlindungi diisi."])
                    .Must((x, covered) => !(covered >= 0 && x.NonAsnWorkers >= 0) || covered <= x.NonAsnWorkers)
                    .WithMessage(x => l["Pekerja non-ASN yang terlindungi ({0}) melebihi jumlah pekerja non-ASN ({1}).", x.NonAsnCovered!.Value.ToString("N0"), x.NonAsnWorkers!.Value.ToString("N0")]);
            });

            RuleFor(x => x.Summary).Text(l, "Ringkasan", FigureLimits.LongText);
        }

        protected override async Task<bool> ReadFactsAsync(InputModel input, CancellationToken ct)
        {
            if (await facts.ReadAsync(ct) is not { } n)
            {
                return false;
            }

            input.IsGovernment = n.IsGovernment;
            input.CycleYear = n.CycleYear;
            input.Today = Wib.Today(clock);
            return true;
        }

        /// <summary>True unless all three are known and the first two add up to more than the third.</summary>
        private static bool Fits(int? pu, int? bpu, long? total) =>
            pu is not >= 0 || bpu is not >= 0 || total is not >= 0 || (long)pu.Value + bpu.Value <= total.Value;

        private static IReadOnlyList<string> Unknown(List<string> codes)
        {
            ProgramCodes.Parse(string.Join(' ', codes), out var unknown);
            return unknown;
        }
    }

    /// <summary>A regulation to add (its own small form).</summary>
    public sealed class RegulationInput : ICycleYearInput
    {
        [BindNever]
        public int CycleYear { get; set; }

        [Display(Name = "Jenis peraturan")]
        public RegulationType? Type { get; set; }

        [Display(Name = "Nomor")]
        public string? Number { get; set; }

        [Display(Name = "Tahun")]
        public int? Year { get; set; }

        [Display(Name = "Judul")]
        public string? Title { get; set; }

        public uint Version { get; set; }

        public sealed class Validator : FactsValidator<RegulationInput>
        {
            private readonly NominationFacts facts;

            public Validator(IStringLocalizer<SharedResource> l, NominationFacts facts)
            {
                this.facts = facts;
                RuleFor(x => x.Type).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["{0} wajib diisi.", l["Jenis peraturan"]])
                    .IsInEnum().WithMessage(_ => l["Jenis peraturan tidak dikenal."]);
                RuleFor(x => x.Number).RequiredText(l, "Nomor", 100);
                RuleFor(x => x.Year).YearOfCycle(l, "Tahun", required: true);
                RuleFor(x => x.Title).RequiredText(l, "Judul", 500);
            }

            protected override Task<bool> ReadFactsAsync(RegulationInput input, CancellationToken ct) => facts.FillCycleYearAsync(input, ct);
        }
    }

    /// <summary>An APBD budget allocation to add (its own small form).</summary>
    public sealed class BudgetInput : ICycleYearInput
    {
        [BindNever]
        public int CycleYear { get; set; }

        [Display(Name = "Tahun anggaran")]
        public int? Year { get; set; }

        [Display(Name = "Jumlah (Rupiah)")]
        public string? Amount { get; set; }

        [Display(Name = "Peruntukan")]
        public string? Purpose { get; set; }

        [Display(Name = "Pekerja yang dilindungi")]
        public int? WorkersCovered { get; set; }

        public uint Version { get; set; }

        public sealed class Validator : FactsValidator<BudgetInput>
        {
            private readonly NominationFacts facts;

            public Validator(IStringLocalizer<SharedResource> l, NominationFacts facts)
            {
                this.facts = facts;
                RuleFor(x => x.Year).YearOfCycle(l, "Tahun anggaran", required: true);
                RuleFor(x => x.Amount).Rupiah(l, "Jumlah (Rupiah)", required: true);
                RuleFor(x => x.Purpose).RequiredText(l, "Peruntukan", 500);
                RuleFor(x => x.WorkersCovered).Count(l, "Pekerja yang dilindungi", FigureLimits.ProtectedWorkers, required: false);
            }

            protected override Task<bool> ReadFactsAsync(BudgetInput input, CancellationToken ct) => facts.FillCycleYearAsync(input, ct);
        }
    }

    /// <summary>An innovation to add (its own small form).</summary>
    public sealed class InnovationInput : ICycleYearInput
    {
        [BindNever]
        public int CycleYear { get; set; }

        [Display(Name = "Nama inovasi")]
        public string? Title { get; set; }

        [Display(Name = "Uraian")]
        public string? Description { get; set; }

        [Display(Name = "Tahun dimulai")]
        public int? Year { get; set; }

        public uint Version { get; set; }

        public sealed class Validator : FactsValidator<InnovationInput>
        {
            private readonly NominationFacts facts;

            public Validator(IStringLocalizer<SharedResource> l, NominationFacts facts)
            {
                this.facts = facts;
                RuleFor(x => x.Title).RequiredText(l, "Nama inovasi", 300);
                RuleFor(x => x.Description).Text(l, "Uraian", FigureLimits.LongText);
                RuleFor(x => x.Year).YearOfCycle(l, "Tahun dimulai", required: false);
            }

            protected override Task<bool> ReadFactsAsync(InnovationInput input, CancellationToken ct) => facts.FillCycleYearAsync(input, ct);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (nomination, stop) = await LoadForChangeAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }

        await LoadPageAsync(nomination!, fillInput: true, ct);
        return Page();
    }

    [ValidateOnly(nameof(Input))]
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (nomination, stop) = await LoadForChangeAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }

        var n = nomination!;
        if (n.Version != Input.Version)
        {
            return await ConflictAsync(n, ct);
        }

        Input.IsGovernment = n.Category!.Kind.IsGovernment();
        if (!ModelState.IsValid)
        {
            await LoadPageAsync(n, fillInput: false, ct);
            return Page();
        }

        var changes = Apply(n);
        if (changes.Count == 0)
        {
            TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
            return RedirectToPage("/Nominations/Details", new { id });
        }

        audit.Record(AuditActions.NominationUpdated, "nomination", Key(n.Id), n.ProvinceCode, AuditDetails.Texts(changes));
        if (!await SaveAsync(n, Input.Version, ct))
        {
            return await ConflictAsync(null, ct);
        }

        TempData["StatusMessage"] = l["Angka nominasi telah disimpan."].Value;
        return RedirectToPage("/Nominations/Details", new { id });
    }

    [ValidateOnly(nameof(Regulation))]
    public async Task<IActionResult> OnPostAddRegulationAsync(int id, CancellationToken ct) =>
        await ChangeListAsync(id, Regulation.Version, "regulations", async n =>
        {
            if (!ModelState.IsValid)
            {
                return null;
            }

            var r = new GovernmentRegulation { Type = Regulation.Type!.Value, Number = Regulation.Number!.Trim(), Year = Regulation.Year!.Value, Title = Regulation.Title!.Trim() };
            n.Regulations.Add(r);
            return ($"regulation added: {r.Type} {r.Number}/{Key(r.Year)} '{r.Title}'", l["Regulasi telah ditambahkan."].Value);
        }, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveRegulationAsync(int id, int itemId, uint version, CancellationToken ct) =>
        await ChangeListAsync(id, version, "regulations", async n =>
        {
            var r = await db.GovernmentRegulations.FirstOrDefaultAsync(x => x.Id == itemId && x.NominationId == n.Id, ct);
            if (r is null)
            {
                return null;
            }

            if (await db.EvidenceFiles.AnyAsync(f => f.RegulationId == r.Id && !f.IsRemoved, ct))
            {
                ModelState.AddModelError(string.Empty, l["Regulasi ini masih mempunyai berkas bukti. Hapus dulu berkasnya di halaman kunjungan dan pembinaan nominasi."]);
                return null;
            }

            db.GovernmentRegulations.Remove(r);
            return ($"regulation removed: {r.Type} {r.Number}/{Key(r.Year)} '{r.Title}'", l["Regulasi telah dihapus."].Value);
        }, ct);

    [ValidateOnly(nameof(Budget))]
    public async Task<IActionResult> OnPostAddBudgetAsync(int id, CancellationToken ct) =>
        await ChangeListAsync(id, Budget.Version, "budgets", async n =>
        {
            if (!ModelState.IsValid)
            {
                return null;
            }

            var amount = RupiahText.TryParse(Budget.Amount, out var parsed) ? parsed : throw new InvalidOperationException("The validator accepted an unreadable amount.");
            var b = new BudgetAllocation { Year = Budget.Year!.Value, Amount = amount, Purpose = Budget.Purpose!.Trim(), WorkersCovered = Budget.WorkersCovered };
            n.Budgets.Add(b);
            return ($"budget added: {Key(b.Year)} {b.Amount.ToString(CultureInfo.InvariantCulture)} '{b.Purpose}'", l["Anggaran telah ditambahkan."].Value);
        }, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveBudgetAsync(int id, int itemId, uint version, CancellationToken ct) =>
        await ChangeListAsync(id, version, "budgets", async n =>
        {
            var b = await db.BudgetAllocations.FirstOrDefaultAsync(x => x.Id == itemId && x.NominationId == n.Id, ct);
            if (b is null)
            {
                return null;
            }

            db.BudgetAllocations.Remove(b);
            return ($"budget removed: {Key(b.Year)} {b.Amount.ToString(CultureInfo.InvariantCulture)} '{b.Purpose}'", l["Anggaran telah dihapus."].Value);
        }, ct);

    [ValidateOnly(nameof(Innovation))]
    public async Task<IActionResult> OnPostAddInnovationAsync(int id, CancellationToken ct) =>
        await ChangeListAsync(id, Innovation.Version, "innovations", async n =>
        {
            if (!ModelState.IsValid)
            {
                return null;
            }

            var i = new Innovation { Title = Innovation.Title!.Trim(), Description = Blank(Innovation.Description), Year = Innovation.Year };
            n.Innovations.Add(i);
            return ($"innovation added: '{i.Title}'", l["Inovasi telah ditambahkan."].Value);
        }, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveInnovationAsync(int id, int itemId, uint version, CancellationToken ct) =>
        await ChangeListAsync(id, version, "innovations", async n =>
        {
            var i = await db.Innovations.FirstOrDefaultAsync(x => x.Id == itemId && x.NominationId == n.Id, ct);
            if (i is null)
            {
                return null;
            }

            db.Innovations.Remove(i);
            return ($"innovation removed: '{i.Title}'", l["Inovasi telah dihapus."].Value);
        }, ct);

    /// <summary>
    /// One change of a government list: the nomination is loaded and checked as for the figures,
    /// <paramref name="change"/> applies it (null: refused, with ModelState errors or an unknown
    /// item), and the nomination row is touched so that the version check covers the list too.
    /// </summary>
    private async Task<IActionResult> ChangeListAsync(
        int id, uint version, string fragment, Func<Nomination, Task<(string Audit, string Message)?>> change, CancellationToken ct)
    {
        var (nomination, stop) = await LoadForChangeAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }

        var n = nomination!;
        if (!n.Category!.Kind.IsGovernment())
        {
            return NotFound();
        }

        if (n.Version != version)
        {
            return await ConflictAsync(n, ct);
        }

        var done = await change(n);
        if (done is null)
        {
            if (ModelState.IsValid)
            {
                return NotFound();
            }

            await LoadPageAsync(n, fillInput: true, ct);
            return Page();
        }

        audit.Record(AuditActions.NominationUpdated, "nomination", Key(n.Id), n.ProvinceCode, AuditDetails.Text(done.Value.Audit));
        if (!await SaveAsync(n, version, ct))
        {
            return await ConflictAsync(null, ct);
        }

        TempData["StatusMessage"] = done.Value.Message;
        return RedirectToPage("/Nominations/Edit", null, new { id }, fragment);
    }

    /// <summary>Saves the tracked nomination (its row always updated) against the version the form was read at.</summary>
    private async Task<bool> SaveAsync(Nomination n, uint version, CancellationToken ct)
    {
        n.UpdatedAt = clock.GetUtcNow();
        var entry = db.Entry(n);
        entry.Property(x => x.Version).OriginalValue = version;
        entry.Property(x => x.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The form was read before someone else changed the nomination: show what is stored now, save nothing.</summary>
    private async Task<IActionResult> ConflictAsync(Nomination? loaded, CancellationToken ct)
    {
        var n = loaded ?? await db.Nominations.AsNoTracking().Include(x => x.Category).FirstAsync(x => x.Id == Id, ct);
        ModelState.Clear();
        ModelState.AddModelError("", NominationMessages.EditConflict(l));
        await LoadPageAsync(n, fillInput: true, ct);
        return Page();
    }

    /// <summary>
    /// The nomination, tracked, when the user may change it now: in scope (else 404), its cycle
    /// open to them and its status one whose figures may change (else back to its page with why).
    /// </summary>
    private async Task<(Nomination? Nomination, IActionResult? Stop)> LoadForChangeAsync(int id, CancellationToken ct)
    {
        Id = id;
        var scope = await me.GetScopeAsync(ct);
        var n = await db.Nominations.InScope(scope).Include(x => x.Category).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return (null, NotFound());
        }

        var cycle = await db.AwardCycles.AsNoTracking().FirstAsync(c => c.Id == n.CycleId, ct);
        CycleYear = cycle.Year;
        string? refusal = null;
        if (!cycle.IsEditableBy(me.Role ?? ""))
        {
            refusal = NominationMessages.CycleClosed(l, cycle.Year);
        }
        else if (!NominationWorkflow.FiguresEditable(n.Status))
        {
            refusal = NominationMessages.FiguresNotEditable(l, n.Status);
        }

        if (refusal is not null)
        {
            TempData["StatusMessage"] = refusal;
            TempData["StatusIsError"] = true;
            return (null, RedirectToPage("/Nominations/Details", new { id }));
        }

        return (n, null);
    }

    private async Task LoadPageAsync(Nomination n, bool fillInput, CancellationToken ct)
    {
        Id = n.Id;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == n.OrganisationId).Select(o => new { o.Name, o.Npp }).FirstAsync(ct);
        (OrganisationName, Npp) = (organisation.Name, organisation.Npp);
        CategoryName = n.Category!.Name;
        IsGovernment = n.Category.Kind.IsGovernment();
        Status = n.Status;
        LastReturnReason = n.LastReturnReason;
        CurrentVersion = n.Version;
        Coverage = n.CoveragePercentage;
        if (IsGovernment)
        {
            Regulations = await db.GovernmentRegulations.AsNoTracking().Where(r => r.NominationId == n.Id).OrderBy(r => r.Year).ThenBy(r => r.Id).ToListAsync(ct);
            Budgets = await db.BudgetAllocations.AsNoTracking().Where(b => b.NominationId == n.Id).OrderBy(b => b.Year).ThenBy(b => b.Id).ToListAsync(ct);
            Innovations = await db.Innovations.AsNoTracking().Where(i => i.NominationId == n.Id).OrderBy(i => i.Id).ToListAsync(ct);
        }

        if (fillInput)
        {
            Input = new InputModel
            {
                FiguresAsOf = n.FiguresAsOf,
                Workers = n.Workers,
                ParticipantsPu = n.ParticipantsPu,
                ParticipantsBpu = n.ParticipantsBpu,
                Programs = ProgramCodes.Each.Where(p => n.Programs.HasFlag(p.Flag)).Select(p => p.Code).ToList(),
                ArrearsMonths = n.ArrearsMonths,
                AllWorkersRegistered = n.AllWorkersRegistered,
                WagesReportedCorrectly = n.WagesReportedCorrectly,
                UsesSipp = n.UsesSipp,
                JmoUsers = n.JmoUsers,
                NikValidatedPercent = n.NikValidatedPercent,
                VendorCount = n.VendorCount,
                VendorsRegistered = n.VendorsRegistered,
                CsrDescription = n.CsrDescription,
                CsrAmount = n.CsrAmount is decimal csr ? RupiahText.FormatNumber(csr) : null,
                WorkforceBps = n.WorkforceBps,
                ProtectedPu = n.ProtectedPu,
                ProtectedBpu = n.ProtectedBpu,
                NonAsnWorkers = n.NonAsnWorkers,
                NonAsnCovered = n.NonAsnCovered,
                Summary = n.Summary,
                Version = n.Version,
            };
        }
    }

    /// <summary>Copies the validated input onto the nomination; returns what changed, for the audit trail.</summary>
    private List<string> Apply(Nomination n)
    {
        var changes = new List<string>();

        void Set<T>(string name, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                changes.Add($"{name}: {Show(current)} -> {Show(value)}");
                assign(value);
            }
        }

        void SetText(string name, string? current, string? value, Action<string?> assign)
        {
            if (!string.Equals(current, value, StringComparison.Ordinal))
            {
                changes.Add($"{name} changed");
                assign(value);
            }
        }

        if (Input.IsGovernment)
        {
            Set("workforce", n.WorkforceBps, Input.WorkforceBps, v => n.WorkforceBps = v);
            Set("protected PU", n.ProtectedPu, Input.ProtectedPu, v => n.ProtectedPu = v);
            Set("protected BPU", n.ProtectedBpu, Input.ProtectedBpu, v => n.ProtectedBpu = v);
            Set("non-ASN workers", n.NonAsnWorkers, Input.NonAsnWorkers, v => n.NonAsnWorkers = v);
            Set("non-ASN covered", n.NonAsnCovered, Input.NonAsnCovered, v => n.NonAsnCovered = v);
        }
        else
        {
            Set("as of", n.FiguresAsOf, Input.FiguresAsOf, v => n.FiguresAsOf = v);
            Set("workers", n.Workers, Input.Workers, v => n.Workers = v);
            Set("participants PU", n.ParticipantsPu, Input.ParticipantsPu, v => n.ParticipantsPu = v);
            Set("participants BPU", n.ParticipantsBpu, Input.ParticipantsBpu, v => n.ParticipantsBpu = v);
            var programs = ProgramCodes.Parse(string.Join(' ', Input.Programs), out _);
            if (programs != n.Programs)
            {
                changes.Add($"programs: {ProgramCodes.Format(n.Programs, "|")} -> {ProgramCodes.Format(programs, "|")}");
                n.Programs = programs;
            }

            Set("arrears months", n.ArrearsMonths, Input.ArrearsMonths, v => n.ArrearsMonths = v);
            Set("all workers registered", n.AllWorkersRegistered, Input.AllWorkersRegistered, v => n.AllWorkersRegistered = v);
            Set("wages reported correctly", n.WagesReportedCorrectly, Input.WagesReportedCorrectly, v => n.WagesReportedCorrectly = v);
            Set("uses SIPP", n.UsesSipp, Input.UsesSipp, v => n.UsesSipp = v);
            Set("JMO users", n.JmoUsers, Input.JmoUsers, v => n.JmoUsers = v);
            Set("NIK validated %", n.NikValidatedPercent, Input.NikValidatedPercent, v => n.NikValidatedPercent = v);
            Set("vendors", n.VendorCount, Input.VendorCount, v => n.VendorCount = v);
            Set("vendors registered", n.VendorsRegistered, Input.VendorsRegistered, v => n.VendorsRegistered = v);
            SetText("CSR description", n.CsrDescription, Blank(Input.CsrDescription), v => n.CsrDescription = v);
            decimal? csr = RupiahText.TryParse(Input.CsrAmount, out var amount) ? amount : null;
            Set("CSR amount", n.CsrAmount, csr, v => n.CsrAmount = v);
        }

        SetText("summary", n.Summary, Blank(Input.Summary), v => n.Summary = v);
        return changes;
    }

    private static string Show<T>(T value) => value switch
    {
        null => "-",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);
}
