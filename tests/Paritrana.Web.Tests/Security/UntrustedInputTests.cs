using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.FieldWork;
using Paritrana.Web.Infrastructure.Input;
using Paritrana.Web.Tests.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// What a person sees when text the portal refuses reaches it: the search of the issue
/// (<c>/Employers?q=%00</c>), a form with a NUL or broken UTF-8 in one field, a body that is no
/// form at all; and that ordinary text with tabs and line breaks is still saved as typed.
/// <see cref="UntrustedInputMatrixTests"/> sends the same to every page.
/// </summary>
public class UntrustedInputTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private readonly FieldWorkTestData _data = new(fixture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("/Employers?q=%00")]
    [InlineData("/Employers?q=PT%01Bali")]
    [InlineData("/Employers?q=%C3%28")]
    [InlineData("/Employers?p=2&q=ok&regency=%ED%A0%80")]
    [InlineData("/Employers/Details/1%1B")]
    public async Task An_address_with_refused_text_answers_400_with_the_friendly_page(string url)
    {
        using var client = await _data.SignedInAsync(BaliChair);

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector("main h1")).ShouldBe("Permintaan tidak valid");
        PortalClient.Text(page.QuerySelector("main p.lead")).ShouldBe(InputTexts.AddressMessage);
        page.QuerySelector("main a.btn")!.GetAttribute("href").ShouldBe("/");
    }

    [Fact]
    public async Task A_search_with_ordinary_text_still_works()
    {
        using var client = await _data.SignedInAsync(BaliChair);

        using var response = await client.GetAsync("/Employers?q=Bali%09Denpasar");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(response)).QuerySelector("main h1")).ShouldBe("Data pemberi kerja");
    }

    public static TheoryData<string, string> RefusedFindings => new()
    {
        { "NUL", "12 pekerja%00 kontrak belum terdaftar" },
        { "escape", "12 pekerja %1B[31mkontrak" },
        { "not UTF-8", "12 pekerja %FF kontrak" },
        { "encoded surrogate", "12 pekerja %ED%A0%BD%ED%B8%80 kontrak" },
    };

    [Theory]
    [MemberData(nameof(RefusedFindings))]
    public async Task A_form_with_refused_text_in_one_field_comes_back_with_the_message_beside_it_and_nothing_is_saved(string kind, string finding)
    {
        var nomination = await _data.NominationAsync();
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Create?nomination={nomination.Id}";
        var form = PortalClient.ReadForm((await client.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("#create-item-form")!);
        var fields = form.Where(f => !f.Key.StartsWith("Input.", StringComparison.Ordinal)).Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))
            .Append("Input.Finding=" + finding)
            .Append("Input.Recommendation=" + Uri.EscapeDataString("Daftarkan ke JKK, JKM dan JHT"))
            .Append("Input.ResponsiblePerson=" + Uri.EscapeDataString("Manajer SDM"))
            .Append("Input.DueDate=" + Date(BaliToday.AddDays(30)));
        using var body = new ByteArrayContent(Encoding.ASCII.GetBytes(string.Join('&', fields)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, kind);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector("h1")).ShouldBe("Tambah butir pembinaan");
        PortalClient.Text(page.QuerySelector("main .alert-danger")).ShouldBe(InputTexts.FormMessage);
        FieldError(page, "Input.Finding").ShouldBe(InputTexts.FieldMessage);
        FieldError(page, "Input.Recommendation").ShouldBe("");
        // The other fields come back as typed; the refused one is empty, to be typed again.
        page.QuerySelector<IHtmlTextAreaElement>("#Input_Finding")!.Value.ShouldBe("");
        page.QuerySelector<IHtmlTextAreaElement>("#Input_Recommendation")!.Value.ShouldBe("Daftarkan ke JKK, JKM dan JHT");
        page.QuerySelector<IHtmlInputElement>("#Input_ResponsiblePerson")!.Value.ShouldBe("Manajer SDM");
        (await _data.CountAsync("SELECT count(*) FROM coaching_items WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
        (await _data.CountAsync($"SELECT count(*) FROM audit_events WHERE action = @a AND {AuditSql.Text("details")} LIKE @d",
            ("a", AuditActions.CoachingCreated), ("d", $"nomination: {nomination.Id};%"))).ShouldBe(0L);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_ordinary_text_and_are_saved_as_typed()
    {
        var nomination = await _data.NominationAsync();
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Create?nomination={nomination.Id}";

        using var response = await client.SubmitFormAsync(url, "#create-item-form", new Dictionary<string, string>
        {
            ["Input.Finding"] = "Baris satu\r\nBaris dua:\tlima pekerja — “kontrak”",
            ["Input.Recommendation"] = "Daftarkan 😀",
            ["Input.ResponsiblePerson"] = "Manajer SDM",
            ["Input.DueDate"] = Date(BaliToday.AddDays(30)),
        });

        var id = IdFromLocation(response);
        (await _data.ScalarAsync<string>("SELECT finding || '|' || recommendation FROM coaching_items WHERE id = @id", ("id", id)))
            .ShouldBe("Baris satu\r\nBaris dua:\tlima pekerja — “kontrak”|Daftarkan 😀");
    }

    [Fact]
    public async Task A_body_that_is_no_readable_form_answers_400_with_the_friendly_page_not_404()
    {
        // Re-executed for the failed POST, the error page once read its status code from this very
        // body too, failed, and said "not found".
        var nomination = await _data.NominationAsync();
        using var client = await _data.SignedInAsync(BaliMember);
        using var body = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"u8.ToArray());
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        using var response = await client.Http.PostAsync(new Uri($"/FieldWork/Coaching/Create?nomination={nomination.Id}", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector("main h1")).ShouldBe("Permintaan tidak valid");
        PortalClient.Text(page.QuerySelector("main p.lead")).ShouldBe("Formulir ini sudah kedaluwarsa atau tidak lengkap. Muat ulang halaman lalu coba lagi.");
    }
}
