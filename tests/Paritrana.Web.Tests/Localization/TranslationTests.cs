using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Paritrana.Web.Tests.Localization;

/// <summary>
/// The interface texts are Indonesian resource keys; every one must have an English translation
/// in Resources/SharedResource.en.resx, so that the English switch never shows Indonesian.
/// </summary>
public partial class TranslationTests
{
    [GeneratedRegex("""\b[Ll]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(""""(?:Display\(Name|ErrorMessage)\s*=\s*"((?:[^"\\]|\\.)*)"""")]
    private static partial Regex AnnotationText();

    [GeneratedRegex("""=>\s*"((?:[^"\\]|\\.)*)",""")]
    private static partial Regex SwitchArmText();

    [GeneratedRegex("""const string \w+ = "((?:[^"\\]|\\.)*)";""")]
    private static partial Regex TextConstant();

    private static string SourceRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Paritrana.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Paritrana.sln not found above the test binaries."), "src", "Paritrana.Web");
        }
    }

    internal static SortedSet<string> KeysInSource()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerCall().Matches(text))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
            }

            foreach (Match m in AnnotationText().Matches(text))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
            }

            // Lookup tables whose values are shown through the localizer (role names, audit actions, statuses).
            if (file.EndsWith("Names.cs", StringComparison.Ordinal))
            {
                foreach (Match m in SwitchArmText().Matches(text))
                {
                    keys.Add(Regex.Unescape(m.Groups[1].Value));
                }
            }
        }

        // The domain's user-facing texts live as constants in *Texts.cs files (WorkflowTexts, ...).
        var domainRoot = Path.Combine(Path.GetDirectoryName(SourceRoot)!, "Paritrana.Domain");
        foreach (var file in Directory.EnumerateFiles(domainRoot, "*Texts.cs", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(SourceRoot, "*Texts.cs", SearchOption.AllDirectories)))
        {
            foreach (Match m in TextConstant().Matches(File.ReadAllText(file)))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
            }
        }

        return keys;
    }

    internal static Dictionary<string, string> EnglishTranslations()
    {
        var resx = XDocument.Load(Path.Combine(SourceRoot, "Resources", "SharedResource.en.resx"));
        return resx.Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    [Fact]
    public void Every_interface_text_has_an_english_translation()
    {
        var english = EnglishTranslations();
        var missing = KeysInSource().Where(k => !english.ContainsKey(k)).ToList();
        missing.ShouldBeEmpty("Add these keys to Resources/SharedResource.en.resx (scripts/i18n.py add):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Translations_keep_the_placeholders_of_their_key_and_are_not_left_empty()
    {
        var wrong = EnglishTranslations()
            // A text with a count has its singular and plural form separated by "|" (Infrastructure/Formats.Plural): each keeps the placeholders.
            .Where(kv => string.IsNullOrWhiteSpace(kv.Value) || kv.Value.Split('|').Any(form => Placeholders(kv.Key) != Placeholders(form)))
            .Select(kv => $"{kv.Key} => {kv.Value}")
            .ToList();
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void No_two_texts_differ_only_in_capitals()
    {
        // Resource names are case-insensitive when the .resx is compiled: one of the pair would be dropped.
        var clashes = KeysInSource().Concat(EnglishTranslations().Keys).Distinct(StringComparer.Ordinal)
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" | ", g))
            .ToList();
        clashes.ShouldBeEmpty();
    }

    [Fact]
    public void The_scan_finds_texts_of_every_kind()
    {
        var keys = KeysInSource();
        keys.ShouldContain("Masuk");                       // L["..."] in a view
        keys.ShouldContain("Alamat surel atau kata sandi salah."); // l["..."] in a page model
        keys.ShouldContain("Kata sandi");                  // [Display(Name = ...)]
        keys.ShouldContain("Ketua Tim Panitia");           // RoleNames
        keys.ShouldContain("Alasan wajib diisi untuk langkah ini."); // WorkflowTexts in the domain
    }

    private static string Placeholders(string s) =>
        string.Join(',', Regex.Matches(s, @"\{\d+(?::[^}]*)?\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
