using Paritrana.Domain.Cycles;

namespace Paritrana.Domain.Tests.Cycles;

public class CycleRulesTests
{
    [Theory]
    [InlineData(2016, false)]
    [InlineData(2017, true)]
    [InlineData(2026, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    public void Years_run_from_the_first_award_in_2017_to_2100(int year, bool valid) =>
        CycleRules.IsValidYear(year).ShouldBe(valid);

    [Theory]
    [InlineData("PEMPROV", true)]
    [InlineData("UMK2025", true)]
    [InlineData("A", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRST", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("pemprov", false)]
    [InlineData("PEM-PROV", false)]
    [InlineData("PEM PROV", false)]
    [InlineData("ÄBC", false)]
    public void A_category_code_is_up_to_twenty_upper_case_letters_or_digits(string? code, bool valid) =>
        CycleRules.IsValidCode(code).ShouldBe(valid);

    [Theory]
    [InlineData(" pemprov ", "PEMPROV")]
    [InlineData("Umk", "UMK")]
    [InlineData(null, "")]
    public void Codes_are_normalised_to_trimmed_upper_case(string? input, string expected) =>
        CycleRules.NormalizeCode(input).ShouldBe(expected);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void A_category_has_one_to_twenty_finalists(int count, bool valid) =>
        CycleRules.IsValidFinalistCount(count).ShouldBe(valid);

    [Fact]
    public void The_default_categories_are_seven_with_the_two_optional_ones_inactive_unless_chosen()
    {
        var categories = CycleRules.DefaultCategories(CycleRules.DefaultActiveCodes);
        categories.Select(c => (c.Code, c.Name, c.Kind, c.SortOrder, c.FinalistCount, c.IsActive)).ShouldBe(
        [
            ("PEMPROV", "Pemerintah Provinsi", CategoryKind.ProvincialGovernment, 1, 1, true),
            ("PEMKAB", "Pemerintah Kabupaten/Kota", CategoryKind.RegencyGovernment, 2, 1, true),
            ("BESAR", "Perusahaan Besar", CategoryKind.LargeCompany, 3, 1, true),
            ("MENENGAH", "Perusahaan Menengah", CategoryKind.MediumCompany, 4, 1, true),
            ("UMK", "Usaha Kecil dan Mikro", CategoryKind.SmallMicroBusiness, 5, 1, true),
            ("BPP", "Badan Pelayanan Publik", CategoryKind.PublicServiceBody, 6, 1, false),
            ("DESA", "Pemerintah Desa", CategoryKind.VillageGovernment, 7, 1, false),
        ]);

        CycleRules.DefaultCategories(["DESA", "BESAR"]).Where(c => c.IsActive).Select(c => c.Code).ShouldBe(["BESAR", "DESA"]);
        CycleRules.DefaultCategories([]).ShouldAllBe(c => !c.IsActive);
    }

    [Fact]
    public void Copied_categories_keep_code_name_kind_order_finalists_and_active_flag_but_not_ids_or_cycle()
    {
        Category[] source =
        [
            new() { Id = 12, CycleId = 3, Code = "BESAR", Name = "Perusahaan Besar", Kind = CategoryKind.LargeCompany, SortOrder = 2, FinalistCount = 3, IsActive = true, Version = 77 },
            new() { Id = 11, CycleId = 3, Code = "PEMPROV", Name = "Pemerintah Provinsi", Kind = CategoryKind.ProvincialGovernment, SortOrder = 1, FinalistCount = 1, IsActive = true },
            new() { Id = 13, CycleId = 3, Code = "DESA", Name = "Pemerintah Desa", Kind = CategoryKind.VillageGovernment, SortOrder = 9, FinalistCount = 2, IsActive = false },
        ];

        var copies = CycleRules.CopyCategories(source);

        copies.Select(c => (c.Id, c.CycleId, c.Code, c.Name, c.Kind, c.SortOrder, c.FinalistCount, c.IsActive, c.Version)).ShouldBe(
        [
            (0, 0, "PEMPROV", "Pemerintah Provinsi", CategoryKind.ProvincialGovernment, 1, 1, true, 0u),
            (0, 0, "BESAR", "Perusahaan Besar", CategoryKind.LargeCompany, 2, 3, true, 0u),
            (0, 0, "DESA", "Pemerintah Desa", CategoryKind.VillageGovernment, 9, 2, false, 0u),
        ]);
        copies.ShouldAllBe(c => !source.Contains(c));
    }

    [Theory]
    [InlineData(false, "CommitteeMember", true)]
    [InlineData(false, "Administrator", true)]
    [InlineData(true, "CommitteeMember", false)]
    [InlineData(true, "CommitteeChair", false)]
    [InlineData(true, "BranchOfficer", false)]
    [InlineData(true, "Administrator", true)]
    public void A_closed_cycle_is_read_only_for_everyone_but_the_administrator(bool closed, string role, bool editable) =>
        new AwardCycle { Year = 2025, IsClosed = closed }.IsEditableBy(role).ShouldBe(editable);

    [Fact]
    public void A_cycle_assesses_the_previous_calendar_year()
    {
        var cycle = new AwardCycle { Year = 2026 };
        (cycle.AssessmentStart, cycle.AssessmentEnd).ShouldBe((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
    }
}
