using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace Paritrana.Web.Pages.Admin.Criteria;

/// <summary>The criteria form: aspects with their indicators, and its validator.</summary>
public partial class EditModel
{
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
}
