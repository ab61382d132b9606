using Paritrana.Domain.Regions;

namespace Paritrana.Domain.Tests.FieldWork;

public class ProvinceTimeTests
{
    [Fact]
    public void Every_province_has_its_time_zone()
    {
        string[] wib = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "61", "62"];
        string[] wita = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"];
        string[] wit = ["81", "82", "91", "92", "93", "94", "95", "96"];

        (wib.Length + wita.Length + wit.Length).ShouldBe(38);
        wib.Select(ProvinceTime.ZoneOf).Distinct().ShouldBe([IndonesianTimeZone.Wib]);
        wita.Select(ProvinceTime.ZoneOf).Distinct().ShouldBe([IndonesianTimeZone.Wita]);
        wit.Select(ProvinceTime.ZoneOf).Distinct().ShouldBe([IndonesianTimeZone.Wit]);
    }

    [Theory]
    [InlineData("33", 7, "WIB")]    // Jawa Tengah
    [InlineData("62", 7, "WIB")]    // Kalimantan Tengah
    [InlineData("51", 8, "WITA")]   // Bali
    [InlineData("63", 8, "WITA")]   // Kalimantan Selatan
    [InlineData("73", 8, "WITA")]   // Sulawesi Selatan
    [InlineData("81", 9, "WIT")]    // Maluku
    [InlineData("96", 9, "WIT")]    // Papua Barat Daya
    [InlineData("00", 7, "WIB")]    // the national stage, in Jakarta (docs/decisions/047)
    public void A_province_has_the_offset_and_label_of_its_zone(string province, int hours, string label)
    {
        ProvinceTime.OffsetOf(province).ShouldBe(TimeSpan.FromHours(hours));
        ProvinceTime.LabelOf(province).ShouldBe(label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("99")]
    [InlineData("51.71")]
    public void An_unknown_code_is_refused(string code) => Should.Throw<ArgumentOutOfRangeException>(() => ProvinceTime.ZoneOf(code));

    [Fact]
    public void A_time_typed_in_Bali_is_stored_as_UTC_and_shown_again_in_WITA()
    {
        var typed = new DateTime(2026, 3, 10, 9, 30, 0, DateTimeKind.Unspecified);

        var stored = ProvinceTime.FromLocal(typed, "51");

        stored.ShouldBe(new DateTimeOffset(2026, 3, 10, 1, 30, 0, TimeSpan.Zero));
        stored.Offset.ShouldBe(TimeSpan.Zero);
        var shown = ProvinceTime.ToLocal(stored, "51");
        shown.DateTime.ShouldBe(typed);
        shown.Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void The_same_wall_clock_time_is_a_different_instant_in_each_zone()
    {
        var typed = new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Local);

        ProvinceTime.FromLocal(typed, "33").ShouldBe(new DateTimeOffset(2025, 12, 31, 17, 30, 0, TimeSpan.Zero));
        ProvinceTime.FromLocal(typed, "51").ShouldBe(new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero));
        ProvinceTime.FromLocal(typed, "91").ShouldBe(new DateTimeOffset(2025, 12, 31, 15, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Today_is_the_local_date_of_the_province()
    {
        var now = new DateTimeOffset(2026, 6, 14, 16, 30, 0, TimeSpan.Zero);   // 23:30 WIB, 00:30 WITA next day

        ProvinceTime.Today(now, "33").ShouldBe(new DateOnly(2026, 6, 14));
        ProvinceTime.Today(now, "51").ShouldBe(new DateOnly(2026, 6, 15));
        ProvinceTime.Today(now, "94").ShouldBe(new DateOnly(2026, 6, 15));
    }
}
