using System.Globalization;
using AngleSharp.Html.Dom;
using Paritrana.Web.Tests.Reports;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>A stored version of a plenary's decision record, as the tests read it from the database.</summary>
public sealed record StoredVersion(int Version, string Number, string Code, DateTimeOffset CreatedAt, DateTimeOffset? SupersededAt, string? SupersededReason)
{
    /// <summary>The code as printed: "XXXXX-XXXXX".</summary>
    public string PrintedCode => $"{Code[..5]}-{Code[5..]}";
}

/// <summary>
/// The plenary page driven as the chair uses it: "Tetapkan" then the confirmation step's "Ya,
/// tetapkan", re-opening with a reason; the finalist report's PDF as pdftotext reads it; the stored
/// versions of the decision record.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PlenaryDriver(string database)
{
    public static string PlenaryUrl(ScoredCycle cycle) => $"/Plenary?cycle={cycle.YearText}";

    /// <summary>The plenary form with the record filled in and exactly <paramref name="finalists"/> ticked (null: the default top N).</summary>
    public static async Task<List<KeyValuePair<string, string>>> FormAsync(
        PortalClient chair, ScoredCycle cycle, IEnumerable<int>? finalists = null, string? rationale = null, string minutes = "")
    {
        var page = await chair.GetPageAsync(PlenaryUrl(cycle));
        var fields = PortalClient.ReadForm((IHtmlFormElement)page.QuerySelector("#plenary-form")!);
        fields.RemoveAll(f => f.Key is "Input.HeldOn" or "Input.Place" or "Input.Attendees" or "Input.Minutes" or "Input.Decision"
                              || (finalists is not null && f.Key == "Input.Finalists")
                              || (rationale is not null && f.Key.StartsWith("Input.Rationales", StringComparison.Ordinal)));
        fields.AddRange([
            new("Input.HeldOn", "2025-11-20"), new("Input.Place", "Kantor Gubernur Bali"), new("Input.Attendees", "Ketua, anggota"),
            new("Input.Minutes", minutes), new("Input.Decision", "Menetapkan finalis."),
        ]);
        fields.AddRange((finalists ?? []).Select(id => new KeyValuePair<string, string>("Input.Finalists", id.ToString(CultureInfo.InvariantCulture))));
        if (rationale is not null)
        {
            fields.Add(new($"Input.Rationales[{cycle.CategoryId}]", rationale));
        }

        return fields;
    }

    /// <summary>"Tetapkan", then "Ya, tetapkan" on the confirmation step; returns the final answer (302 when decided).</summary>
    public static async Task<HttpResponseMessage> DecideAsync(
        PortalClient chair, ScoredCycle cycle, IEnumerable<int>? finalists = null, string? rationale = null, string minutes = "")
    {
        var fields = await FormAsync(chair, cycle, finalists, rationale, minutes);
        using var step = await chair.PostFieldsAsync(PlenaryUrl(cycle) + "&handler=Decide", fields);
        step.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await ShortlistTestData.ConfirmAsync(chair, await PortalClient.ParseAsync(step), PlenaryUrl(cycle));
    }

    /// <summary>The re-open form of the decided plenary page, with a reason.</summary>
    public static async Task<HttpResponseMessage> ReopenAsync(PortalClient chair, ScoredCycle cycle, string reason) =>
        await chair.SubmitFormAsync(PlenaryUrl(cycle), "form[action*='handler=Reopen']", new Dictionary<string, string> { ["ReopenReason"] = reason });

    /// <summary>The PDF of a report URL, as pdftotext -layout gives it (not normalised: compared byte for byte).</summary>
    public static async Task<string> PdfTextAsync(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await ChromiumPdfTests.PdfToTextAsync(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>"25 November 2026 14.05 WITA": a moment in Bali's time as the documents print it (id-ID, UTC+8).</summary>
    public static string Wita(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("d MMMM yyyy HH.mm", CultureInfo.GetCultureInfo("id-ID")) + " WITA";

    /// <summary>The stored versions of the decision record of the cycle's Bali plenary, oldest first.</summary>
    public async Task<List<StoredVersion>> VersionsAsync(ScoredCycle cycle)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT v.version_number, v.document_number, v.verification_code, v.created_at, v.superseded_at, v.superseded_reason
            FROM plenary_decision_versions v JOIN plenaries p ON p.id = v.plenary_id
            WHERE p.cycle_id = @cycle AND p.province_code = '51' ORDER BY v.version_number
            """, connection);
        command.Parameters.AddWithValue("cycle", cycle.Id);
        var versions = new List<StoredVersion>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(new StoredVersion(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return versions;
    }
}
