namespace Paritrana.Domain.Scoring;

/// <summary>Texts of the scoring rules: Indonesian templates with {0} placeholders, resource keys in the web app.</summary>
public static class ScoringTexts
{
    public const string NoAspects = "Kriteria belum mempunyai aspek.";
    public const string AspectWeightsSum = "Jumlah bobot aspek harus 100; sekarang {0}.";
    public const string AspectWeightInvalid = "Bobot aspek {0} harus di atas 0 dan paling banyak 100, dengan paling banyak dua desimal.";
    public const string AspectWithoutIndicators = "Aspek {0} belum mempunyai indikator.";
    public const string IndicatorWeightsSum = "Jumlah bobot indikator aspek {0} harus 100; sekarang {1}.";
    public const string IndicatorWeightInvalid = "Bobot indikator {0} harus di atas 0 dan paling banyak 100, dengan paling banyak dua desimal.";
}

/// <summary>A problem found by a rule: a text template (resource key) and the values for its placeholders.</summary>
public sealed record RuleProblem(string Template, params object[] Args)
{
    /// <summary>The Indonesian text with its values, formatted in the current culture.</summary>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.CurrentCulture, Template, Args);

    /// <summary>Equal when the template and every value are equal (not the same array).</summary>
    public bool Equals(RuleProblem? other) =>
        other is not null && Template == other.Template && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Template, Args.Length);
}
