using System.Globalization;
using System.Text.RegularExpressions;
using Paritrana.BrowserTests.Infrastructure;
using Paritrana.Web.Tests.Security;

namespace Paritrana.BrowserTests.Phone;

/// <summary>
/// The records of the demo data that the access matrix's URL placeholders ({field}, {visit}, ...)
/// stand for, in Kota Denpasar (51.71: in scope of every demo role of the matrix). A placeholder
/// without a query here fails the sweep, so that a new page with a new kind of record is not
/// silently left out.
/// </summary>
public static partial class DemoRecords
{
    private const string Current = "(SELECT id FROM award_cycles WHERE is_current)";

    /// <summary>Placeholder → SQL answering one id (as text), or null when the demo has no such record.</summary>
    private static readonly Dictionary<string, string> Queries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["province"] = "SELECT '51'",
        ["regency"] = "SELECT '51.71'",
        ["cycle"] = $"SELECT {Current}::text",
        ["category"] = $"SELECT min(id)::text FROM categories WHERE cycle_id = {Current}",
        ["criteria"] = $"SELECT min(id)::text FROM criteria_sets WHERE cycle_id = {Current} AND is_current",
        ["user"] = "SELECT id::text FROM users WHERE email = 'anggota.bali@paritrana.demo'",
        ["branch"] = "SELECT min(b.id)::text FROM branch_offices b JOIN branch_office_areas a ON a.branch_office_id = b.id WHERE a.regency_code = '51.71'",
        ["regional"] = "SELECT min(b.regional_office_id)::text FROM branch_offices b JOIN branch_office_areas a ON a.branch_office_id = b.id WHERE a.regency_code = '51.71'",
        ["employer"] = "SELECT min(o.id)::text FROM organisations o WHERE o.regency_code = '51.71' AND o.npp IS NOT NULL AND EXISTS (SELECT 1 FROM nominations n WHERE n.organisation_id = o.id)",
        // A nomination the committee may still edit (draft, else returned), else any of the current cycle.
        ["draft"] = $"SELECT id::text FROM nominations WHERE regency_code = '51.71' AND cycle_id = {Current} ORDER BY status = 1 DESC, status = 4 DESC, id LIMIT 1",
        ["submitted"] = $"SELECT id::text FROM nominations WHERE regency_code = '51.71' AND cycle_id = {Current} ORDER BY status = 2 DESC, id LIMIT 1",
        // In field assessment, with visits, coaching items and files where the demo has them.
        ["field"] = $"SELECT n.id::text FROM nominations n WHERE n.regency_code = '51.71' AND n.cycle_id = {Current} ORDER BY n.status = 5 DESC, (SELECT count(*) FROM visits v WHERE v.nomination_id = n.id) DESC, n.id LIMIT 1",
        ["visit"] = "SELECT id::text FROM visits WHERE regency_code = '51.71' ORDER BY status = 1 DESC, id DESC LIMIT 1",
        ["item"] = "SELECT id::text FROM coaching_items WHERE regency_code = '51.71' ORDER BY id DESC LIMIT 1",
        ["file"] = "SELECT id::text FROM evidence_files WHERE regency_code = '51.71' LIMIT 1",
        // Being scored in the current cycle: an open round of Bali and a nomination assigned in it.
        ["round"] = $"SELECT id::text FROM scoring_rounds WHERE province_code = '51' AND cycle_id = {Current} ORDER BY status = 2 DESC, status = 3 DESC, id LIMIT 1",
        ["scoring"] = $"SELECT a.nomination_id::text FROM assignments a JOIN scoring_rounds r ON r.id = a.round_id JOIN nominations n ON n.id = a.nomination_id WHERE r.province_code = '51' AND r.cycle_id = {Current} ORDER BY r.status = 2 DESC, n.regency_code = '51.71' DESC, a.id LIMIT 1",
        ["draftRound"] = $"SELECT id::text FROM scoring_rounds WHERE province_code = '51' AND cycle_id = {Current} ORDER BY status = 1 DESC, id LIMIT 1",
        ["card"] = "SELECT id::text FROM scorecards WHERE province_code = '51' ORDER BY status DESC, id DESC LIMIT 1",
        ["import"] = "SELECT min(id)::text FROM import_batches WHERE status = 1 AND kind = 1",
        ["regionalImport"] = "SELECT min(id)::text FROM import_batches WHERE status = 1 AND kind = 2",
        ["importDone"] = "SELECT max(id)::text FROM import_batches WHERE status = 3",
        ["document"] = "SELECT document_number FROM plenary_decision_versions WHERE province_code = '51' ORDER BY id LIMIT 1",
        ["code"] = "SELECT verification_code::text FROM plenary_decision_versions WHERE province_code = '51' ORDER BY id LIMIT 1",
        // A finalist of the national pool (docs/decisions/043): Bali's forwarded Bank BPD Bali of 2021, with its visits and plenary decision.
        ["pooled"] = "SELECT n.id::text FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE n.status IN (10, 11, 12) ORDER BY o.npp = '51710001' DESC, n.id LIMIT 1",
        // An evidence file of a pooled nomination (its national download, docs/decisions/048). The demo has
        // none; the download answers a file, not a page, so the sweeps never open it: any id will do.
        ["pooledFile"] = "SELECT COALESCE((SELECT e.id FROM evidence_files e JOIN nominations n ON n.id = e.nomination_id WHERE n.status IN (10, 11, 12) AND NOT e.is_removed ORDER BY e.id LIMIT 1), '00000000-0000-0000-0000-000000000000'::uuid)::text",
        // A scheduled national interview of the 2021 cycle (docs/decisions/046).
        ["interview"] = "SELECT min(id)::text FROM interviews WHERE status = 1",
        // Kota Denpasar's own records for its representative (docs/decisions/050): the current nomination,
        // the coaching item addressed to it that is still open, the file of its answer.
        ["candidateNomination"] = $"SELECT n.id::text FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE o.name = 'Pemerintah Kota Denpasar' AND n.cycle_id = {Current}",
        ["candidateItem"] = "SELECT min(i.id)::text FROM coaching_items i JOIN nominations n ON n.id = i.nomination_id JOIN organisations o ON o.id = n.organisation_id WHERE o.name = 'Pemerintah Kota Denpasar' AND i.shared_with_candidate ORDER BY 1",
        ["candidateFile"] = "SELECT min(f.id::text) FROM evidence_files f JOIN users u ON u.id = f.uploaded_by WHERE u.email = 'kandidat.denpasar@paritrana.demo'",
        // The demo's self-assessment document of Kota Denpasar (the Perwali 18/2022, docs/decisions/051).
        ["candidateDocument"] = "SELECT min(d.id::text) FROM self_assessment_documents d JOIN self_assessments s ON s.id = d.self_assessment_id JOIN organisations o ON o.id = s.organisation_id WHERE o.name = 'Pemerintah Kota Denpasar'",
    };

    /// <summary>
    /// What the demo data lacks, added through the pages as their users would: an evidence file of the
    /// nomination in field assessment (by the chair), two imports of the Denpasar branch, one
    /// completed and one left at its preview, and a regional coverage extract left at its preview
    /// (by the branch officer). Done once per database.
    /// </summary>
    public static async Task AddWhatTheDemoLacksAsync(UiSession ui)
    {
        var database = ui.Portal.Database;
        if (await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM import_batches WHERE status = 1") > 0)
        {
            return;
        }

        var records = await LoadAsync(database, []);
        var chair = await ui.SignInAsync("ketua.bali@paritrana.demo");
        await chair.GotoAsync($"/FieldWork/Files/Upload?nomination={records["field"]}&visit={records["visit"]}");
        await chair.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "bukti.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await chair.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();
        await Assertions.Expect(chair).Not.ToHaveURLAsync(new Regex("/Upload"));

        var officer = await ui.SignInAsync("cabang.denpasar@paritrana.demo");
        foreach (var complete in new[] { true, false })
        {
            var npp = "6" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            var csv = "npp,nama,kode_wilayah,kantor_cabang,skala,sektor,jumlah_pekerja,peserta_pu,peserta_bpu,program,tunggakan_bulan,per_tanggal\n" +
                      $"{npp},PT Sapuan {npp},51.71,Denpasar,Kecil,Dagang,10,5,0,JKK,0,2024-12-31\n";
            await officer.GotoAsync("/Imports");
            await officer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = $"sapuan-{npp}.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
            });
            await officer.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();
            await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/Imports/Preview/"));
            if (complete)
            {
                await officer.GetByRole(AriaRole.Button, new() { Name = "Impor semua" }).ClickAsync();
                await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/Imports/Progress/"));
                for (var i = 0; i < 120 && await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM import_batches WHERE status = 3") == 0; i++)
                {
                    await officer.WaitForTimeoutAsync(250); // polling the job's end, not standing in for it
                }
            }
        }

        await officer.GotoAsync("/Imports/Regional");
        await officer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "cakupan-denpasar-2024-06.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif,desa_sadar\n51.71,2024-06,210.000,160.000,215.000,40.000,9.900,2\n"),
        });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/Imports/Regional/Preview/"));
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    /// <summary>The ids of every placeholder the matrix uses; the missing ones (no query, or no record) in <paramref name="missing"/>.</summary>
    public static async Task<Dictionary<string, string>> LoadAsync(string database, List<string> missing)
    {
        var names = AccessMatrix.Pages.SelectMany(p => Placeholder().Matches(p.Url).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal);
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!Queries.TryGetValue(name, out var sql))
            {
                missing.Add($"{{{name}}}: no query in DemoRecords");
                continue;
            }

            var value = await TestDatabase.ScalarAsync<string?>(database, sql);
            if (value is null)
            {
                missing.Add($"{{{name}}}: no such record in the demo data");
                continue;
            }

            records[name] = name == "code" ? Paritrana.Domain.Scoring.DecisionDocument.FormatCode(value) : value;
        }

        return records;
    }

    /// <summary>The URL with its placeholders replaced, or null when one has no record.</summary>
    public static string? Resolve(string template, IReadOnlyDictionary<string, string> records)
    {
        var unresolved = false;
        var url = Placeholder().Replace(template, m =>
        {
            if (records.TryGetValue(m.Groups[1].Value, out var v))
            {
                return Uri.EscapeDataString(v);
            }

            unresolved = true;
            return m.Value;
        });
        return unresolved ? null : url;
    }

    public static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
