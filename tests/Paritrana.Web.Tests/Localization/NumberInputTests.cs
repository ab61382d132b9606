using Paritrana.Web.Tests.Nominations;
using static Paritrana.Web.Tests.Nominations.NominationTestData;

namespace Paritrana.Web.Tests.Localization;

/// <summary>
/// Numbers typed into a form are read in the format of the language the form is shown in
/// (docs/decisions/040): "2.500" and "39,41" in Indonesian, "2,500" and "39.41" in English, each
/// stored exactly; a number in the other language's format is an error beside its field ("39,41" in
/// English is not 3941) and nothing is saved.
/// </summary>
public class NumberInputTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly NominationTestData _data = new(portal);

    public static TheoryData<bool, string, string, string, string> Accepted => new()
    {
        // English?, field, typed, stored column, stored value
        { false, "Input.Workers", "2.500", "workers", "2500" },
        { true, "Input.Workers", "2,500", "workers", "2500" },
        { false, "Input.Workers", "2500", "workers", "2500" },
        { true, "Input.Workers", "2500", "workers", "2500" },
        { false, "Input.NikValidatedPercent", "39,41", "nik_validated_percent", "39.41" },
        { false, "Input.NikValidatedPercent", "39.41", "nik_validated_percent", "39.41" }, // a browser's decimal point
        { true, "Input.NikValidatedPercent", "39.41", "nik_validated_percent", "39.41" },
        { false, "Input.CsrAmount", "1.250.000.000,50", "csr_amount", "1250000000.50" },
        { true, "Input.CsrAmount", "1,250,000,000.50", "csr_amount", "1250000000.50" },
        { true, "Input.CsrAmount", "Rp 7,500", "csr_amount", "7500.00" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_number_in_the_forms_language_is_stored_exactly(bool english, string field, string typed, string column, string stored)
    {
        var (client, id) = await EditableAsync(english);
        using (client)
        {
            using var response = await PostAsync(client, id, field, typed);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            (await _data.ScalarAsync<string>($"SELECT {column}::text FROM nominations WHERE id = @id", ("id", id))).ShouldBe(stored);
        }
    }

    public static TheoryData<bool, string, string, string> Refused => new()
    {
        // English?, field, typed, the message beside the field
        { true, "Input.NikValidatedPercent", "39,41", "The value '39,41' is not valid for Workers with validated NIK (%)." },
        // In Indonesian a point before three digits separates thousands: 39.410 is out of range, not 39,41.
        { false, "Input.NikValidatedPercent", "39.410", "NIK pekerja tervalidasi harus antara 0 dan 100 persen." },
        { false, "Input.NikValidatedPercent", "39,4,1", "Nilai '39,4,1' tidak valid untuk NIK pekerja tervalidasi (%)." },
        { true, "Input.Workers", "2.500", "The value '2.500' is not valid for Number of workers." },
        { false, "Input.Workers", "2,500", "Nilai '2,500' tidak valid untuk Jumlah pekerja." },
        { false, "Input.Workers", "25.00", "Nilai '25.00' tidak valid untuk Jumlah pekerja." },
        { true, "Input.Workers", "99,999,999,999", "Number of workers may be at most 2,147,483,647." },
        { false, "Input.Workers", "99.999.999.999", "Jumlah pekerja paling banyak 2.147.483.647." },
        { true, "Input.CsrAmount", "1.250.000", "CSR value (rupiah) cannot be read as a rupiah amount. Write, for example, 1,250,000,000 or 1250000000.50." },
        { false, "Input.CsrAmount", "1,250,000", "Nilai CSR (Rupiah) tidak dapat dibaca sebagai jumlah Rupiah. Tulis misalnya 1.250.000.000 atau 1250000000,50." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_number_in_the_other_languages_format_is_an_error_beside_its_field_and_nothing_is_saved(bool english, string field, string typed, string message)
    {
        var (client, id) = await EditableAsync(english);
        using (client)
        {
            var before = await SnapshotAsync(id);
            using var response = await PostAsync(client, id, field, typed);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(response);
            page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim().ShouldBe(message);
            (await SnapshotAsync(id)).ShouldBe(before);
        }
    }

    [Fact]
    public async Task The_form_shows_stored_numbers_in_its_language_and_they_are_read_back_unchanged()
    {
        var (indonesian, id) = await EditableAsync(english: false);
        using (indonesian)
        {
            (await PostAsync(indonesian, id, "Input.NikValidatedPercent", "39,41")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await PostAsync(indonesian, id, "Input.CsrAmount", "1.027.000,50")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var page = await indonesian.GetPageAsync($"/Nominations/Edit/{id}");
            page.QuerySelector("#Input_NikValidatedPercent")!.GetAttribute("value").ShouldBe("39,41");
            page.QuerySelector("#Input_CsrAmount")!.GetAttribute("value").ShouldBe("1.027.000,50");
        }

        using var english = await _data.SignedInAsync(Member);
        await ChooseEnglishAsync(english);
        var url = $"/Nominations/Edit/{id}";
        var form = await english.GetPageAsync(url);
        form.QuerySelector("#Input_NikValidatedPercent")!.GetAttribute("value").ShouldBe("39.41");
        form.QuerySelector("#Input_CsrAmount")!.GetAttribute("value").ShouldBe("1,027,000.50");
        // Sent back as shown: the same values, not 3941 or a thousand times more.
        using (var again = await english.SubmitFormFieldsAsync(form, url, "#figures-form", []))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<string>("SELECT nik_validated_percent::text || ' ' || csr_amount::text FROM nominations WHERE id = @id", ("id", id))).ShouldBe("39.41 1027000.50");
    }

    private async Task<(PortalClient Client, int Id)> EditableAsync(bool english)
    {
        var cycle = await _data.SharedCycleAsync();
        var employer = await _data.EmployerAsync("51.71");
        var id = await _data.NominationAsync(cycle, employer);
        var client = await _data.SignedInAsync(Member);
        if (english)
        {
            await ChooseEnglishAsync(client);
        }

        return (client, id);
    }

    private static async Task ChooseEnglishAsync(PortalClient client)
    {
        using var switched = await client.SubmitFormAsync(await client.GetPageAsync("/"), "/", "form.language-switch", new Dictionary<string, string>(), "button[name=language]");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, int id, string field, string value)
    {
        var url = $"/Nominations/Edit/{id}";
        return await client.SubmitFormFieldsAsync(await client.GetPageAsync(url), url, "#figures-form", [new(field, value)]);
    }

    private async Task<string?> SnapshotAsync(int id) =>
        await _data.ScalarAsync<string>("SELECT xmin::text || ' ' || row_to_json(n)::text FROM nominations n WHERE id = @id", ("id", id));
}
