using System.Globalization;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// The candidate's record probes (issue 18, docs/decisions/050), on the matrix's data: Kota Denpasar's
/// representative cannot open anything of Kabupaten Badung or Bank BPD Bali — their nominations, a
/// coaching item of Badung even addressed to its candidate, a file attributed to Denpasar's own
/// representative on it, a visit — by any URL or posted id: the candidate pages answer 404, the
/// committee's pages refuse by policy, nothing changes.
/// </summary>
public class CandidateScopeTests(MatrixFixture portal) : IClassFixture<MatrixFixture>
{
    private const string Denpasar = "kandidat.denpasar@paritrana.demo";

    [Fact]
    public async Task Kota_Denpasars_representative_cannot_open_or_answer_anything_of_Badung_or_Bank_BPD_Bali_and_nothing_changes()
    {
        var others = await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT string_agg(n.id::text, ',' ORDER BY n.id) FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE o.name IN ('Pemerintah Kabupaten Badung', 'Bank BPD Bali')");
        var nominations = others!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        nominations.Count.ShouldBeGreaterThanOrEqualTo(3);
        var badung = await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE o.name = 'Pemerintah Kabupaten Badung' AND c.is_current");
        // A coaching item of Badung addressed to Badung, a visit, and a file on the item attributed to
        // Denpasar's own representative: only the organisation stands between them and Denpasar.
        var item = await TestDatabase.ScalarAsync<int>(portal.Database,
            $"INSERT INTO coaching_items (nomination_id, province_code, regency_code, finding, recommendation, due_date, status, created_by, created_at, updated_at, shared_with_candidate) SELECT id, province_code, regency_code, 'Temuan Badung', 'Rekomendasi Badung', current_date + 10, 1, created_by, now(), now(), true FROM nominations WHERE id = {badung} RETURNING id");
        var visit = await TestDatabase.ScalarAsync<int>(portal.Database,
            $"INSERT INTO visits (nomination_id, province_code, regency_code, planned_at, place, purpose, status, created_by, created_at, updated_at) SELECT id, province_code, regency_code, now() + interval '3 days', 'Kantor Bupati Badung', 'Probe', 1, created_by, now(), now() FROM nominations WHERE id = {badung} RETURNING id");
        var file = await TestDatabase.ScalarAsync<Guid>(portal.Database,
            $"INSERT INTO evidence_files (id, nomination_id, province_code, coaching_item_id, file_name, kind, size, sha256, storage_name, uploaded_by, uploaded_at, is_removed) SELECT gen_random_uuid(), {badung}, '51', {item}, 'badung.pdf', 1, 10, repeat('a', 64), replace(gen_random_uuid()::text, '-', ''), u.id, now(), false FROM users u WHERE u.email = '{Denpasar}' RETURNING id");
        var denpasarNomination = MatrixFixture.Resolve("{candidateNomination}", portal.Denpasar);

        var before = await portal.FingerprintAsync();
        var audit = await portal.LastAuditIdAsync();
        var client = await portal.ClientAsync(Denpasar);
        var token = await MatrixFixture.TokenAsync(client, signedIn: true);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in nominations)
        {
            using var response = await client.GetAsync($"/Candidate/Nomination/{n}");
            answers[$"GET /Candidate/Nomination/{n}"] = MatrixFixture.Answer(response);
        }

        foreach (var url in new[]
                 {
                     $"/Candidate/Coaching/{item}", $"/Candidate/File/{file}",
                     // The matrix's employer in field assessment: its item (not addressed), its file.
                     MatrixFixture.Resolve("/Candidate/Coaching/{item}", portal.Denpasar), MatrixFixture.Resolve("/Candidate/File/{file}", portal.Denpasar),
                     MatrixFixture.Resolve("/Candidate/Nomination/{field}", portal.Denpasar),
                     // The committee's pages of the same records: refused by policy.
                     $"/FieldWork/Coaching/Item/{item}", $"/FieldWork/Files/Download/{file}", $"/FieldWork/Visits/Details/{visit}", $"/Nominations/Details/{badung}",
                     $"/Nominations/Representatives/{badung}",
                 })
        {
            using var response = await client.GetAsync(url);
            answers[$"GET {url}"] = MatrixFixture.Answer(response);
        }

        foreach (var url in new[] { $"/Candidate/Coaching/{item}", $"/FieldWork/Coaching/Item/{item}?handler=Resolve", $"/Nominations/Representatives/{badung}?handler=Invite" })
        {
            using var response = await client.PostFieldsAsync(url,
                [new("__RequestVerificationToken", token), new("Input.Note", "Sudah diperbaiki"), new("Input.Version", "0"), new("Input.ResolutionNote", "x"), new("Input.FullName", "X"), new("Input.Email", "x@example.com")]);
            answers[$"POST {url}"] = MatrixFixture.Answer(response);
        }

        var expected = nominations.ToDictionary(n => $"GET /Candidate/Nomination/{n}", _ => "404", StringComparer.Ordinal);
        expected[$"GET /Candidate/Coaching/{item}"] = "404";
        expected[$"GET /Candidate/File/{file}"] = "404";
        expected[MatrixFixture.Resolve("GET /Candidate/Coaching/{item}", portal.Denpasar)] = "404";
        expected[MatrixFixture.Resolve("GET /Candidate/File/{file}", portal.Denpasar)] = "404";
        expected[MatrixFixture.Resolve("GET /Candidate/Nomination/{field}", portal.Denpasar)] = "404";
        expected[$"GET /FieldWork/Coaching/Item/{item}"] = "302 /Account/AccessDenied";
        expected[$"GET /FieldWork/Files/Download/{file}"] = "302 /Account/AccessDenied";
        expected[$"GET /FieldWork/Visits/Details/{visit}"] = "302 /Account/AccessDenied";
        expected[$"GET /Nominations/Details/{badung}"] = "302 /Account/AccessDenied";
        expected[$"GET /Nominations/Representatives/{badung}"] = "302 /Account/AccessDenied";
        expected[$"POST /Candidate/Coaching/{item}"] = "404";
        expected[$"POST /FieldWork/Coaching/Item/{item}?handler=Resolve"] = "302 /Account/AccessDenied";
        expected[$"POST /Nominations/Representatives/{badung}?handler=Invite"] = "302 /Account/AccessDenied";
        answers.ShouldBe(expected, ignoreOrder: true);

        // Its own nomination's page does not list Badung's visit or item.
        var own = await client.GetPageAsync($"/Candidate/Nomination/{denpasarNomination}");
        own.Body!.TextContent.ShouldNotContain("Kantor Bupati Badung");
        own.Body!.TextContent.ShouldNotContain("Temuan Badung");

        (await portal.FingerprintAsync()).ShouldBe(before);
        (await portal.AuditActionsSinceAsync(audit)).ShouldAllBe(a => a == AuditActions.AccessRefused);
        (await TestDatabase.ScalarAsync<bool>(portal.Database, $"SELECT candidate_answered_at IS NULL FROM coaching_items WHERE id = {item}")).ShouldBeTrue();
        await TestDatabase.ExecuteAsync($"DELETE FROM evidence_files WHERE id = '{file}'; DELETE FROM coaching_items WHERE id = {item}; DELETE FROM visits WHERE id = {visit}", portal.Database);
    }
}
