using System.Text.RegularExpressions;

namespace Paritrana.Web.Tests.Localization;

/// <summary>
/// One word per concept (issue 15, point 6): the rejected synonyms of docs/glossary.md appear
/// nowhere in the Indonesian texts: the resources, the Razor views (the PDF templates among them),
/// the web app's and the domain's code, the demo data.
/// </summary>
public partial class GlossaryTests
{
    private static string Root => RepositoryPaths.Root;

    /// <summary>The rejected synonyms of the glossary's section "One word per concept": the words in backticks of its table's third column.</summary>
    public static IReadOnlyList<string> RejectedSynonyms()
    {
        var words = new List<string>();
        var inSection = false;
        foreach (var line in File.ReadLines(Path.Combine(Root, "docs", "glossary.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line == "## One word per concept";
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|');
            if (!inSection || !line.TrimStart().StartsWith('|') || cells.Length < 3)
            {
                continue;
            }

            words.AddRange(Backticked().Matches(cells[2]).Select(m => m.Groups[1].Value));
        }

        return words;
    }

    [Fact]
    public void The_glossary_rejects_the_synonyms_issue_15_saw()
    {
        foreach (var word in new[] { "putaran", "dikecualikan", "Tidak masuk daftar pendek", "Finalis (bawaan)" })
        {
            RejectedSynonyms().ShouldContain(word);
        }
    }

    [Fact]
    public void No_rejected_synonym_appears_in_the_interface_the_pdf_templates_or_the_demo()
    {
        var found = new List<string>();
        var patterns = RejectedSynonyms().Select(w => (Word: w, Regex: new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(w) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))).ToList();
        foreach (var file in Files())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var (word, regex) in patterns.Where(p => p.Regex.IsMatch(lines[i])))
                {
                    found.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: '{word}'");
                }
            }
        }

        found.ShouldBeEmpty();
    }

    private static List<string> Files()
    {
        static bool Built(string f) =>
            f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

        var web = Path.Combine(Root, "src", "Paritrana.Web");
        var domain = Path.Combine(Root, "src", "Paritrana.Domain");
        var migrations = Path.Combine(web, "Data", "Migrations");
        return Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)
                        || f.EndsWith(".resx", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)
                        || f.EndsWith(".html", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(migrations, StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}wwwroot{Path.DirectorySeparatorChar}lib", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories))
            .Where(f => !Built(f))
            .ToList();
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
