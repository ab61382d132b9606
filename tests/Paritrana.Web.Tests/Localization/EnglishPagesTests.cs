using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Web.Tests.Security;

namespace Paritrana.Web.Tests.Localization;

/// <summary>
/// English mode is English (docs/decisions/037): every GET page of the access matrix, rendered by the
/// server for every role that may open it with the English language chosen, shows no Indonesian month
/// name, no number written as in Indonesian ("1.027.000", "39,41"), no Indonesian interface word
/// (Data/indonesian-interface-words.txt) and no "1 finalists". The
/// previews of the official documents stay Indonesian and are not read.
/// </summary>
public partial class EnglishPagesTests(MatrixFixture portal) : IClassFixture<MatrixFixture>
{
    /// <summary>
    /// Indonesian month names and their short forms, where they differ from the English ones (Jan, Feb,
    /// Mar, Apr, Jun, Jul, Sep, Nov, April, September and November are the same in both languages).
    /// </summary>
    [GeneratedRegex(@"\b(Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|Agu|Agt|Okt|Des)\b")]
    public static partial Regex IndonesianMonth();

    /// <summary>
    /// A number written as in Indonesian (docs/decisions/040): thousands separated by points
    /// ("1.027.000", "2.500") or a decimal comma ("39,41", "87,5"). English writes "1,027,000" and "39.41".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d.,])(\d{1,3}(?:\.\d{3})+|\d+,\d{1,2})(?![\p{L}\d]|[.,]\d)")]
    public static partial Regex IndonesianNumber();

    /// <summary>A count of one with a plural noun: "1 finalists", "1 days".</summary>
    [GeneratedRegex(@"(?<![\d.,])\b1 ([a-z]+s)\b")]
    private static partial Regex OneWithPlural();

    /// <summary>English words ending in s that are singular.</summary>
    private static readonly HashSet<string> SingularS = new(StringComparer.Ordinal) { "status", "is", "was", "has", "this", "its", "as", "focus", "bonus", "access", "process", "address", "class" };

    private static readonly string[] TextAttributes = ["aria-label", "title", "placeholder", "alt"];

    /// <summary>
    /// The Indonesian words no English page may show: the Indonesian terms of docs/glossary.md (so
    /// that a new glossary term is checked as soon as it is added), and the common interface words of
    /// Data/indonesian-interface-words.txt that are not glossary concepts ("Simpan", "Kembali").
    /// </summary>
    public static IReadOnlyList<string> InterfaceWords() =>
        GlossaryTerms(File.ReadLines(Path.Combine(RepositoryPaths.Root, "docs", "glossary.md")))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "Paritrana.Web.Tests", "Localization", "Data", "indonesian-interface-words.txt"))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#')))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The Indonesian terms of the glossary's tables (first column; "kunjungan (lapangan)" gives
    /// "kunjungan", "masuk / keluar" and "pengguna, akun" give two), each as written and with a capital
    /// first letter, as a page writes it at the start of a label. Left out: the section "Institutions
    /// and places" (proper names, the same in English), terms with an acronym (JKK, non-ASN: used in
    /// English too) and terms that the English column itself uses ("administrator").
    /// </summary>
    public static IReadOnlyList<string> GlossaryTerms(IEnumerable<string> glossary)
    {
        var terms = new List<string>();
        var section = "";
        foreach (var line in glossary)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!line.TrimStart().StartsWith('|') || cells.Length < 2 || cells[0].StartsWith("---", StringComparison.Ordinal)
                || cells[0] is "Indonesian" or "Konsep (Indonesian)" || section == "Institutions and places")
            {
                continue;
            }

            foreach (var term in Parenthesised().Replace(cells[0], "").Split(',', '/').Select(t => t.Trim()))
            {
                if (term.Length < 3 || Acronym().IsMatch(term) || cells[1].Contains(term, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                terms.Add(term);
                terms.Add(char.ToUpperInvariant(term[0]) + term[1..]);
            }
        }

        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\p{Lu}{2}")]
    private static partial Regex Acronym();

    /// <summary>
    /// What is Indonesian in the text of a page in English mode: "month 'Des' in …". Texts of
    /// <paramref name="data"/> (what people typed, as the database holds it) are left out first.
    /// </summary>
    public static List<string> IndonesianIn(IHtmlDocument page, IReadOnlyList<string> words, IReadOnlyList<string>? data = null)
    {
        // The official documents' previews, and what the page itself marks as Indonesian (lang="id":
        // an example of an Indonesian file's format), are Indonesian on purpose.
        foreach (var official in page.QuerySelectorAll(".report-preview, [lang=id]:not(html), script, style").ToList())
        {
            official.Remove();
        }

        var attributes = page.QuerySelectorAll("[aria-label], [title], [placeholder], [alt]")
            .SelectMany(e => TextAttributes.Select(e.GetAttribute))
            .Where(v => !string.IsNullOrWhiteSpace(v));
        // Text node by text node, so that "</p><button>" does not glue two words together.
        var body = page.Body is null ? "" : string.Join(" ", page.Body.Descendants<IText>().Select(t => t.Data));
        var text = PortalClient.Normalize(string.Join(" ¶ ", new[] { page.Title ?? "", body }.Concat(attributes!)));
        foreach (var typed in data ?? [])
        {
            text = text.Replace(typed, " ⟨data⟩ ", StringComparison.Ordinal);
        }

        var found = new List<string>();
        found.AddRange(IndonesianMonth().Matches(text).Select(m => $"month '{m.Value}' in “{Around(text, m.Index)}”"));
        found.AddRange(IndonesianNumber().Matches(text).Select(m => $"number '{m.Value}' in “{Around(text, m.Index)}”"));
        foreach (var word in words)
        {
            var match = Regex.Match(text, $@"(?<![\p{{L}}\d]){Regex.Escape(word)}(?![\p{{L}}\d])");
            if (match.Success)
            {
                found.Add($"word '{word}' in “{Around(text, match.Index)}”");
            }
        }

        found.AddRange(OneWithPlural().Matches(text).Where(m => !SingularS.Contains(m.Groups[1].Value)).Select(m => $"plural after 1 in “{Around(text, m.Index)}”"));
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        return text.Substring(start, Math.Min(text.Length - start, 90));
    }

    /// <summary>
    /// Every text the database holds (text columns and the strings inside jsonb ones, e.g. audit
    /// details) that contains an Indonesian month, interface word or number: what people typed, in Indonesian,
    /// shown as typed in both languages. Longest first, so that a text is removed before a part of it.
    /// </summary>
    private async Task<List<string>> TypedTextsAsync(IReadOnlyList<string> words)
    {
        var pattern = @"\m(" + string.Join("|", words.Select(Regex.Escape).Append(IndonesianMonth().ToString()[3..^3])) + @")\M|\d\.\d{3}|\d,\d";
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(portal.Database));
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new Npgsql.NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, column, type) in columns)
        {
            var sql = type == "jsonb"
                ? $"SELECT DISTINCT v #>> '{{}}' FROM \"{table}\" t, jsonb_path_query(t.\"{column}\", 'strict $.**') v WHERE jsonb_typeof(v) = 'string' AND (v #>> '{{}}') ~ @p"
                : $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" ~ @p";
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("p", pattern);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                texts.Add(PortalClient.Normalize(reader.GetString(0)));
            }
        }

        return texts.Where(t => t.Length > 0).OrderByDescending(t => t.Length).ToList();
    }

    [Fact]
    public async Task Every_page_in_English_has_English_dates_plurals_and_words()
    {
        var words = InterfaceWords();
        var typed = await TypedTextsAsync(words);
        var problems = new List<string>();
        var read = 0;
        foreach (var (role, email) in AccessMatrix.Accounts)
        {
            var client = await portal.ClientAsync(email);
            await ChooseEnglishAsync(client, email is not null);
            foreach (var rules in AccessMatrix.Pages.Where(p => p.Handlers.TryGetValue("GET", out var who) && who.HasFlag(role)))
            {
                var url = MatrixFixture.Resolve(rules.Url, portal.Denpasar);
                using var response = await client.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue; // a file, or a redirect
                }

                var page = await PortalClient.ParseAsync(response);
                read++;
                problems.AddRange(IndonesianIn(page, words, typed).Select(p => $"{role} {url}: {p}"));
            }
        }

        read.ShouldBeGreaterThan(150);
        problems.ShouldBeEmpty($"Indonesian on English pages:\n{string.Join("\n", problems)}\n");
    }

    [Fact]
    public async Task The_check_finds_an_Indonesian_month_a_number_a_word_and_a_wrong_plural_but_not_an_official_preview()
    {
        var page = await PortalClient.ParseAsync("""
            <html><head><title>Nominations</title></head><body>
            <p>Submitted on 4 Des 2026, 1 finalists</p><button>Simpan</button><input placeholder="Tanggal">
            <p>Workers 1.027.000, coverage 39,41 %; in English 1,027,000 and 39.41 %, 2026, 09:30, code 51.71, 1, 2 and 3</p>
            <div class="report-preview"><p>25 Juni 2021</p><p>Babak</p></div><p>As in Indonesian files: <span lang="id">1.234</span></p>
            <p>1 status, 12 Dec 2026, Simpanan (not the word), Catatan: mulai bekerja Januari 2026</p>
            </body></html>
            """);

        IndonesianIn(page, ["Simpan", "Tanggal", "Babak"], ["Catatan: mulai bekerja Januari 2026"]).Select(p => p.Split(' ')[0] + " " + p.Split(' ')[1]).ShouldBe(
            ["month 'Des'", "number '1.027.000'", "number '39,41'", "word 'Simpan'", "word 'Tanggal'", "plural after"]);
    }

    [Fact]
    public async Task The_words_come_from_the_glossary_so_that_a_new_term_is_checked()
    {
        var glossary = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "glossary.md"));
        var words = GlossaryTerms(glossary);
        foreach (var term in new[] { "babak penilaian", "Babak penilaian", "kartu nilai", "dikesampingkan", "butir pembinaan", "Tugas saya", "simpan", "Simpan", "kunjungan", "pemberi kerja" })
        {
            words.ShouldContain(term);
        }

        foreach (var kept in new[] { "BPJamsostek", "JKK", "Kemnaker", "administrator", "non-ASN", "lapangan" })
        {
            words.ShouldNotContain(kept);
        }

        // A term added to the glossary is rejected on English pages without touching the test.
        var page = await PortalClient.ParseAsync("<html><body><p>Gotong royong of the province</p></body></html>");
        IndonesianIn(page, words).ShouldBeEmpty();
        var planted = GlossaryTerms(glossary.Append("| gotong royong | mutual help | — |"));
        IndonesianIn(page, planted).ShouldHaveSingleItem().ShouldStartWith("word 'Gotong royong' in");
    }

    private static async Task ChooseEnglishAsync(PortalClient client, bool signedIn)
    {
        // The switch is in every page's layout; a candidate's representative starts in their own area.
        var start = signedIn ? "/About" : "/Account/Login";
        var home = await client.GetPageAsync(start);
        using var switched = await client.SubmitFormAsync(home, start, "form.language-switch", new Dictionary<string, string>(), "button[name=language]");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(start)).DocumentElement.GetAttribute("lang").ShouldBe("en");
    }
}
