using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Localization;

/// <summary>
/// Texts with a count say "1 finalist" and "2 finalists" in English and one form in Indonesian
/// (Formats.Plural, docs/decisions/037): every text the code passes to Formats.Plural has a singular
/// and a plural English form, and a representative set reads exactly so for 1 and 2.
/// </summary>
public partial class PluralTests
{
    [GeneratedRegex(@"Formats\.Plural\(\s*[lL]\[""((?:[^""\\]|\\.)+)""\]")]
    private static partial Regex PluralCall();

    private static readonly IStringLocalizer L = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Fact]
    public void Every_text_given_to_Formats_Plural_has_a_singular_and_a_plural_English_form()
    {
        var english = TranslationTests.EnglishTranslations();
        var web = Path.Combine(RepositoryPaths.Root, "src", "Paritrana.Web");
        var keys = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => PluralCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        keys.Count.ShouldBeGreaterThan(20);
        keys.Where(k => !english.TryGetValue(k, out var e) || e.Split('|').Length != 2).ShouldBeEmpty();
    }

    public static TheoryData<string, object[], string, string> Representative => new()
    {
        // key, the arguments after the count's own (the count is {0} unless said), English for 1, for 2
        { "{0} finalis", [], "1 finalist", "2 finalists" },
        { "Terlambat {0} hari", [], "1 day overdue", "2 days overdue" },
        { "{0} butir pembinaan lewat tenggat", [], "1 coaching item overdue", "2 coaching items overdue" },
        { "{0} pekerja dilindungi", [], "1 worker protected", "2 workers protected" },
        { "{0} kartu", [], "1 scorecard", "2 scorecards" },
        { "Ringkasan harian Portal Paritrana: {0} pemberitahuan terbuka", [], "Paritrana Portal daily digest: 1 open notification", "Paritrana Portal daily digest: 2 open notifications" },
        { "{0} kategori siklus {1} telah disalin ke siklus {2}.", [2025, 2026], "1 category of cycle 2025 has been copied to cycle 2026.", "2 categories of cycle 2025 have been copied to cycle 2026." },
    };

    [Theory]
    [MemberData(nameof(Representative))]
    public void One_and_two_read_as_English_says_them_and_Indonesian_has_one_form(string key, object[] rest, string one, string two)
    {
        string Render(int n) => Formats.Plural(L[key], n, [n.ToString(CultureInfo.CurrentCulture), .. rest]);
        InCulture("en", () => (Render(1), Render(2)).ShouldBe((one, two)));
        InCulture("id-ID", () => Render(2).ShouldBe(string.Format(CultureInfo.InvariantCulture, key, [2, .. rest])));
    }

    [Fact]
    public void A_count_in_the_second_place_chooses_the_form()
    {
        var key = "Data BPJamsostek per {0}: {1} pekerja. Angka ini diisikan ke nominasi dan dapat diubah sesudahnya.";
        InCulture("en", () =>
        {
            Formats.Plural(L[key], 1, "31 Dec 2025", Formats.Number(1)).ShouldBe("BPJamsostek data as of 31 Dec 2025: 1 worker. These figures are copied into the nomination and can be changed afterwards.");
            Formats.Plural(L[key], 1027, "31 Dec 2025", Formats.Number(1027)).ShouldBe("BPJamsostek data as of 31 Dec 2025: 1,027 workers. These figures are copied into the nomination and can be changed afterwards.");
        });
    }

    private static void InCulture(string name, Action action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
