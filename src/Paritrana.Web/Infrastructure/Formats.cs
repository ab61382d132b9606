namespace Paritrana.Web.Infrastructure;

/// <summary>
/// The portal's display formats in one place (docs/decisions/037, 040): dates and numbers through
/// the request's culture (id-ID: "4 Des 2026", "1.027.000", "39,41"; English: "4 Dec 2026",
/// "1,027,000", "39.41"), and texts with a count in the singular or plural form the language needs.
/// Never a hand-written month name or format string in a page.
/// </summary>
public static class Formats
{
    public const string DatePattern = "d MMM yyyy";
    public const string LongDatePattern = "d MMMM yyyy";
    public const string DateTimePattern = "d MMM yyyy HH:mm";
    public const string LongDateTimePattern = "d MMMM yyyy HH:mm";

    /// <summary>"4 Des 2026" / "4 Dec 2026".</summary>
    public static string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.CurrentCulture);

    /// <summary>The date, or "—" when there is none.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>The calendar date of a time as it is given (already in the zone the page shows).</summary>
    public static string Date(DateTimeOffset time) => time.ToString(DatePattern, CultureInfo.CurrentCulture);

    /// <summary>"4 Desember 2026" / "4 December 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString(LongDatePattern, CultureInfo.CurrentCulture);

    public static string LongDate(DateOnly? date) => date is { } d ? LongDate(d) : "—";

    /// <summary>"4 Des 2026 09:30" of a time as it is given (the caller adds the zone's label).</summary>
    public static string DateTime(DateTimeOffset time) => time.ToString(DateTimePattern, CultureInfo.CurrentCulture);

    /// <summary>"4 Desember 2026 09.30" / "4 December 2026 09:30" of a time as it is given.</summary>
    public static string LongDateTime(DateTimeOffset time) => time.ToString(LongDateTimePattern, CultureInfo.CurrentCulture);

    /// <summary>A whole number as the culture writes it ("1.027" / "1,027").</summary>
    public static string Number(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>"Desember 2023" / "December 2023": the month a set of figures is as of.</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A number with two decimals as the culture writes it ("39,41" / "39.41").</summary>
    public static string TwoDecimals(decimal n) => n.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>A percentage with two decimals ("39,41 %" / "39.41 %"), or "—" when there is none.</summary>
    public static string Percent(decimal? value) => value is decimal v ? TwoDecimals(v) + " %" : "—";

    /// <summary>A change with its sign and two decimals ("+4,21", "−2,50", "0,00").</summary>
    public static string WithSign(decimal value) =>
        (value > 0 ? "+" : value < 0 ? "−" : "") + TwoDecimals(Math.Abs(value));

    /// <summary>
    /// Until disposed, texts, dates and numbers are Indonesian whatever the reader's language: the
    /// official documents (reports and their previews) stay Indonesian (docs/decisions/040).
    /// </summary>
    public static IDisposable Indonesian() => new CultureScope(PortalServices.Indonesian);

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }

    /// <summary>
    /// A text with a count: <paramref name="template"/> is the localized text without arguments
    /// (<c>L["{0} finalis"]</c>); its English translation gives the singular and the plural form
    /// separated by "|" ("{0} finalist|{0} finalists"), the Indonesian text has one form. The form is
    /// chosen by <paramref name="count"/> and filled with <paramref name="args"/> (the count among
    /// them, already formatted, at its place).
    /// </summary>
    public static string Plural(LocalizedString template, long count, params object?[] args)
    {
        var forms = template.Value.Split('|');
        var form = forms.Length == 2 && count != 1 ? forms[1] : forms[0];
        return string.Format(CultureInfo.CurrentCulture, form, args);
    }
}
