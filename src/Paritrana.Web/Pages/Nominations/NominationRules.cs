using FluentValidation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>An input whose years must lie between 2000 and the year of the nomination's cycle.</summary>
public interface ICycleYearInput
{
    int CycleYear { get; set; }
}

/// <summary>The rules the nomination forms repeat, each with its Indonesian message naming the field.</summary>
internal static class NominationRules
{
    public static IRuleBuilderOptions<T, int?> Count<T>(this IRuleBuilderInitial<T, int?> rule, IStringLocalizer l, string label, int max, bool required)
    {
        IRuleBuilder<T, int?> r = rule.Cascade(CascadeMode.Stop);
        if (required)
        {
            r = r.NotNull().WithMessage(_ => l["{0} wajib diisi.", l[label]]);
        }

        return r.GreaterThanOrEqualTo(0).WithMessage(_ => l["{0} tidak boleh negatif.", l[label]])
            .LessThanOrEqualTo(max).WithMessage(_ => l["{0} paling banyak {1}.", l[label], max.ToString("N0")]);
    }

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l, string label, int maxLength) =>
        rule.MaximumLength(maxLength).WithMessage(_ => l["{0} paling banyak {1} karakter.", l[label], maxLength.ToString("N0")]);

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l, string label, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["{0} wajib diisi.", l[label]])
            .Text(l, label, maxLength);

    /// <summary>A year from 2000 to the cycle's year.</summary>
    public static IRuleBuilderOptions<T, int?> YearOfCycle<T>(this IRuleBuilderInitial<T, int?> rule, IStringLocalizer l, string label, bool required) where T : ICycleYearInput
    {
        IRuleBuilder<T, int?> r = rule.Cascade(CascadeMode.Stop);
        if (required)
        {
            r = r.NotNull().WithMessage(_ => l["{0} wajib diisi.", l[label]]);
        }

        return r.Must((x, year) => year is null || (year >= FigureLimits.FirstYear && year <= x.CycleYear))
            .WithMessage(x => l["{0} harus antara {1} dan {2}.", l[label], FigureLimits.FirstYear.ToString(CultureInfo.InvariantCulture), x.CycleYear.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>A Rupiah amount as Indonesians write it (<see cref="RupiahText"/>), not negative, below the sane maximum.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Rupiah<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l, string label, bool required) =>
        rule.Custom((text, context) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    context.AddFailure(l["{0} wajib diisi.", l[label]]);
                }

                return;
            }

            if (!RupiahText.TryParse(text, out var amount))
            {
                context.AddFailure(l["{0} tidak dapat dibaca sebagai jumlah Rupiah. Tulis misalnya {1} atau {2}.", l[label], RupiahText.FormatNumber(1_250_000_000m), 1_250_000_000.50m.ToString("0.00", CultureInfo.CurrentCulture)]);
            }
            else if (amount < 0)
            {
                context.AddFailure(l["{0} tidak boleh negatif.", l[label]]);
            }
            else if (amount > FigureLimits.Rupiah)
            {
                context.AddFailure(l["{0} paling banyak {1}.", l[label], RupiahText.Format(FigureLimits.Rupiah)]);
            }
        });

}
