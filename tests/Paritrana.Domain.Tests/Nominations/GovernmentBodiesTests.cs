using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Tests.Nominations;

public class GovernmentBodiesTests
{
    [Fact]
    public void A_province_and_a_regency_or_city_are_named_after_their_region()
    {
        GovernmentBodies.ProvinceName("Bali").ShouldBe("Pemerintah Provinsi Bali");
        GovernmentBodies.ProvinceName(" Jawa  Tengah ").ShouldBe("Pemerintah Provinsi Jawa Tengah");
        GovernmentBodies.RegencyOrCityName("Kota Denpasar").ShouldBe("Pemerintah Kota Denpasar");
        GovernmentBodies.RegencyOrCityName("Kabupaten Badung").ShouldBe("Pemerintah Kabupaten Badung");
    }

    [Theory]
    [InlineData("Taro", "Pemerintah Desa Taro")]
    [InlineData("desa Taro", "Pemerintah Desa Taro")]
    [InlineData("  Pemerintah   Desa Taro ", "Pemerintah Desa Taro")]
    [InlineData("Desa Adat Tenganan Pegringsingan", "Pemerintah Desa Adat Tenganan Pegringsingan")]
    [InlineData("Kelurahan Sesetan", "Pemerintah Kelurahan Sesetan")]
    [InlineData("pemerintah kelurahan Sesetan", "Pemerintah Kelurahan Sesetan")]
    public void A_village_is_named_the_same_however_the_member_typed_it(string typed, string expected) =>
        GovernmentBodies.VillageName(typed).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Desa")]
    [InlineData("Pemerintah Desa ")]
    [InlineData("Kelurahan")]
    public void A_village_without_a_name_has_no_name(string? typed) =>
        GovernmentBodies.VillageName(typed).ShouldBeNull();
}

public class NominationReadinessTests
{
    [Fact]
    public void An_employer_nomination_needs_its_as_of_date_workers_and_participants()
    {
        var n = new Nomination { ProvinceCode = "51", FiguresAsOf = new DateOnly(2025, 12, 31), Workers = 100, ParticipantsPu = 80, ParticipantsBpu = 0 };
        NominationReadiness.HasCoverageFigures(n, CategoryKind.LargeCompany).ShouldBeTrue();
        NominationReadiness.HasCoverageFigures(n, CategoryKind.PublicServiceBody).ShouldBeTrue();
        n.ParticipantsBpu = null;
        NominationReadiness.HasCoverageFigures(n, CategoryKind.MediumCompany).ShouldBeFalse();
        n.ParticipantsBpu = 0;
        n.FiguresAsOf = null;
        NominationReadiness.HasCoverageFigures(n, CategoryKind.SmallMicroBusiness).ShouldBeFalse();
    }

    [Fact]
    public void A_government_nomination_needs_the_workforce_and_the_protected_workers()
    {
        var n = new Nomination { ProvinceCode = "51", Workers = 100, ParticipantsPu = 80, ParticipantsBpu = 0, FiguresAsOf = new DateOnly(2025, 12, 31) };
        NominationReadiness.HasCoverageFigures(n, CategoryKind.RegencyGovernment).ShouldBeFalse();
        n.WorkforceBps = 500_000;
        n.ProtectedPu = 120_000;
        NominationReadiness.HasCoverageFigures(n, CategoryKind.ProvincialGovernment).ShouldBeFalse();
        n.ProtectedBpu = 0;
        NominationReadiness.HasCoverageFigures(n, CategoryKind.VillageGovernment).ShouldBeTrue();
    }
}
