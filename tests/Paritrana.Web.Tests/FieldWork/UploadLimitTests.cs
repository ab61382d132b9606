using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// Uploads above the limit, however large and however sent (with a length, or chunked with none),
/// end on the upload page with the size message beside the file field, on a real Kestrel server:
/// not a 404, a bare 413 or a broken connection, and nothing is kept. A file of exactly the limit
/// (Evidence:MaxFileBytes, 25 MB by default) is kept.
/// </summary>
public class UploadLimitTests(KestrelFieldWorkFixture fixture) : IClassFixture<KestrelFieldWorkFixture>
{
    private const long MB = 1024 * 1024;
    private readonly FieldWorkTestData _data = new(fixture);

    private string[] StoredFiles() => fixture.StoredFileIds();

    /// <summary>Posts the page's form with a PDF of <paramref name="size"/> bytes, streamed, with or without a Content-Length.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string url, long size, bool chunked, string formSelector = "#upload-form", string field = "Input.File")
    {
        var form = (await client.GetPageAsync(url)).QuerySelector<IHtmlFormElement>(formSelector)!;
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in PortalClient.ReadForm(form))
        {
            multipart.Add(new StringContent(value), name);
        }

        var file = new StreamContent(new PdfOfSize(size, seekable: !chunked));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        multipart.Add(file, field, "pindaian.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, System.Net.WebUtility.HtmlDecode(form.GetAttribute("action") ?? url)) { Content = multipart };
        request.Headers.TransferEncodingChunked = chunked;
        if (chunked)
        {
            multipart.Headers.ContentLength.ShouldBeNull();
        }
        else
        {
            multipart.Headers.ContentLength!.Value.ShouldBeGreaterThan(size);
        }

        return await client.Http.SendAsync(request);
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(30, true)]
    [InlineData(300, false)]
    [InlineData(300, true)]
    public async Task An_evidence_file_above_the_limit_gets_the_size_message_on_the_page_whatever_its_size(int megabytes, bool chunked)
    {
        var nomination = await _data.NominationAsync();
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        using var client = await _data.SignedInAsync(BaliMember);
        var before = StoredFiles();

        using var response = await UploadAsync(client, $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}", megabytes * MB, chunked);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector("h1")).ShouldBe("Unggah berkas bukti");
        FieldError(page, "Input.File").ShouldBe("Berkas lebih besar dari batas 25 MB.");
        (await _data.CountAsync("SELECT count(*) FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
        (await _data.CountAsync($"SELECT count(*) FROM audit_events WHERE action = @a AND {AuditSql.Text("details")} LIKE @d", ("a", AuditActions.FileUploaded), ("d", $"nomination: {nomination.Id};%"))).ShouldBe(0L);
        StoredFiles().ShouldBe(before, ignoreOrder: true);

        // The connection is still good for the next request.
        (await client.GetAsync("/FieldWork")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_evidence_file_of_exactly_the_limit_is_kept()
    {
        var nomination = await _data.NominationAsync();
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        using var client = await _data.SignedInAsync(BaliMember);

        using var response = await UploadAsync(client, $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}", 25 * MB, chunked: true);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.ScalarAsync<string>("SELECT kind || '|' || size FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id)))
            .ShouldBe($"{(int)FileKind.Pdf}|{25 * MB}");
    }

    [Fact]
    public async Task An_import_file_above_its_limit_gets_the_size_message_on_the_import_page()
    {
        using var client = await _data.SignedInAsync(Denpasar);
        var batches = await _data.CountAsync("SELECT count(*) FROM import_batches");

        using var response = await UploadAsync(client, "/Imports", 300 * MB, chunked: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector("[data-valmsg-for='Input.File']")).ShouldBe("Berkas lebih besar dari batas 50 MB.");
        (await _data.CountAsync("SELECT count(*) FROM import_batches")).ShouldBe(batches);
    }

    [Theory]
    [InlineData("/FieldWork/Files/Upload?nomination={0}&visit={1}", BaliMember)]
    [InlineData("/Imports", Denpasar)]
    public async Task The_antiforgery_token_comes_before_the_file_and_only_once(string template, string user)
    {
        var nomination = await _data.NominationAsync();
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        using var client = await _data.SignedInAsync(user);

        var form = (await client.GetPageAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, nomination.Id, visit))).QuerySelector("#upload-form")!;

        // A browser sends the fields in this order: the token arrives even when the file is cut off.
        form.QuerySelectorAll("input").Select(i => i.GetAttribute("name")).ShouldBe(["__RequestVerificationToken", "Input.File"]);
    }

    /// <summary>"%PDF-" and then zeros, <paramref name="length"/> bytes in all, made as they are read.</summary>
    private sealed class PdfOfSize(long length, bool seekable) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? length : throw new NotSupportedException();

        public override long Position { get => _position; set => _position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            for (var i = 0; i < n && _position + i < 5; i++)
            {
                buffer[offset + i] = "%PDF-"u8[(int)_position + i];
            }

            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
