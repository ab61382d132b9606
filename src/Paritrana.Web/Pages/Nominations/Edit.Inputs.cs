using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>The edit page's forms: the figures, and one small form per government list item; each with its validator.</summary>
public partial class EditModel
{
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

        /// <summary>The validated figures, for the domain to apply.</summary>
        public NominationFigures ToFigures() => new()
        {
            IsGovernment = IsGovernment,
            FiguresAsOf = FiguresAsOf,
            Workers = Workers,
            ParticipantsPu = ParticipantsPu,
            ParticipantsBpu = ParticipantsBpu,
            Programs = ProgramCodes.Parse(string.Join(' ', Programs), out _),
            ArrearsMonths = ArrearsMonths,
            AllWorkersRegistered = AllWorkersRegistered,
            WagesReportedCorrectly = WagesReportedCorrectly,
            UsesSipp = UsesSipp,
            JmoUsers = JmoUsers,
            NikValidatedPercent = NikValidatedPercent,
            VendorCount = VendorCount,
            VendorsRegistered = VendorsRegistered,
            CsrDescription = CsrDescription,
            CsrAmount = RupiahText.TryParse(CsrAmount, out var amount) ? amount : null,
            WorkforceBps = WorkforceBps,
            ProtectedPu = ProtectedPu,
            ProtectedBpu = ProtectedBpu,
            NonAsnWorkers = NonAsnWorkers,
            NonAsnCovered = NonAsnCovered,
            Summary = Summary,
        };
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
                    .WithMessage(x => l["Data per tanggal tidak boleh sebelum awal tahun penilaian ({0}).", Formats.Date(new DateOnly(x.CycleYear - 1, 1, 1))])
                    .Must((x, d) => d <= x.Today).WithMessage(_ => l["Data per tanggal tidak boleh di masa depan."]);
                RuleFor(x => x.Workers).Count(l, "Jumlah pekerja", FigureLimits.Workers, required: true);
                RuleFor(x => x.ParticipantsPu).Count(l, "Peserta penerima upah (PU)", FigureLimits.Workers, required: true)
                    .Must((x, _) => FigureRules.PartsFit(x.ParticipantsPu, x.ParticipantsBpu, x.Workers))
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
                    .Must((x, registered) => FigureRules.PartHasWhole(registered, x.VendorCount))
                    .WithMessage(_ => l["Isi juga jumlah vendor bila jumlah vendor yang terdaftar diisi."])
                    .Must((x, registered) => FigureRules.PartWithinWhole(registered, x.VendorCount))
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
                    .Must((x, _) => FigureRules.PartsFit(x.ProtectedPu, x.ProtectedBpu, x.WorkforceBps))
                    .WithMessage(x => l["Jumlah pekerja terlindungi PU dan BPU ({0}) melebihi angkatan kerja BPS ({1}).",
                        ((long)x.ProtectedPu!.Value + x.ProtectedBpu!.Value).ToString("N0"), x.WorkforceBps!.Value.ToString("N0")]);
                RuleFor(x => x.ProtectedBpu).Count(l, "Pekerja terlindungi BPU", FigureLimits.ProtectedWorkers, required: true);
                RuleFor(x => x.NonAsnWorkers).Count(l, "Pekerja non-ASN", FigureLimits.Workers, required: false);
                RuleFor(x => x.NonAsnCovered).Count(l, "Pekerja non-ASN yang terlindungi", FigureLimits.Workers, required: false)
                    .Must((x, covered) => FigureRules.PartHasWhole(covered, x.NonAsnWorkers))
                    .WithMessage(_ => l["Isi juga jumlah pekerja non-ASN bila yang terlindungi diisi."])
                    .Must((x, covered) => FigureRules.PartWithinWhole(covered, x.NonAsnWorkers))
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
}
