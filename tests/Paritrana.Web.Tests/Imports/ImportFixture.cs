using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Npgsql;

// "Imports" is a Visual Basic keyword; the namespace follows the Imports folder of the code it tests.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "C# only; the namespace follows the Imports folder.", Scope = "namespace", Target = "~N:Paritrana.Web.Tests.Imports")]

namespace Paritrana.Web.Tests.Imports;

/// <summary>
/// One fresh database and one portal per test class, like <see cref="PortalFixture"/>, with the
/// a temporary directory of the class for files given to the command line, the progress written every
/// row and the rows staged and written two at a time.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Database => Factory.Database;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "paritrana-test-imports", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("t");
        _factory = new PortalFactory(database, settings: new Dictionary<string, string?>
        {
            ["Imports:ProgressEvery"] = "1",
            // Two rows per chunk: every file of these tests is staged and written in several chunks,
            // each written while the next is read (ImportStaging); the 100,000-row benchmark and the
            // cluster test run the default size.
            ["Imports:ChunkRows"] = "2",
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary>Employer files, uploads and database checks shared by the import tests.</summary>
public static class ImportTestKit
{
    public const string Header = "npp,nama,kode_wilayah,kantor_cabang,skala,sektor,jumlah_pekerja,peserta_pu,peserta_bpu,program,tunggakan_bulan,per_tanggal";

    /// <summary>A prefix that makes the NPPs of one test unique in the class's database.</summary>
    public static string Tag() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    /// <summary>
    /// Uploads a file through the form of /Imports (or of <paramref name="pageUrl"/>, such as
    /// /Imports/Regional), as a browser does (multipart with the form's antiforgery token).
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, byte[] content, string fileName = "pemberi-kerja.csv", string contentType = "text/csv", string pageUrl = "/Imports")
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>("#upload-form") ?? throw new InvalidOperationException($"No upload form on {pageUrl}.");
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in PortalClient.ReadForm(form))
        {
            multipart.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        multipart.Add(file, "Input.File", fileName);
        return await client.Http.PostAsync(new Uri(pageUrl, UriKind.Relative), multipart);
    }

    /// <summary>Uploads a file that must be accepted; returns the new batch id (from the redirect to its preview).</summary>
    public static async Task<long> UploadAcceptedAsync(PortalClient client, byte[] content, string fileName = "pemberi-kerja.csv", string pageUrl = "/Imports")
    {
        using var response = await UploadAsync(client, content, fileName, pageUrl: pageUrl);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await PortalClient.ParseAsync(response);
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {PortalClient.Text(page.QuerySelector("[data-testid=file-error]"))}");
        }

        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith(pageUrl + "/Preview/");
        return long.Parse(location[(pageUrl + "/Preview/").Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the background runner has finished a batch (Completed or Failed).</summary>
    public static async Task<int> WaitUntilDoneAsync(string database, long batchId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await TestDatabase.ScalarAsync<int>(database, "SELECT status FROM import_batches WHERE id = @id", ("id", batchId));
            if (status is 3 or 4 or 5)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Import batch {batchId} still has status {status}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Every row of a query as "a | b | c" (nulls as "∅"), in the query's order.</summary>
    public static async Task<List<string>> RowsAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells[i] = reader.IsDBNull(i)
                    ? "∅"
                    : reader.GetValue(i) switch
                    {
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DateTime d when d.TimeOfDay == TimeSpan.Zero && d.Kind != DateTimeKind.Utc => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture)!,
                    };
            }

            rows.Add(string.Join(" | ", cells));
        }

        return rows;
    }
}
