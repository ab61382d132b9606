using Paritrana.Domain.Access;
using Paritrana.Domain.Regions;

namespace Paritrana.Domain.Tests.Access;

public class AccessScopeTests
{
    private static readonly string[] DenpasarBranch = ["51.71", "51.03", "51.02", "51.01", "51.08"];

    [Fact]
    public void An_administrator_sees_every_province_and_regency()
    {
        var scope = AccessScope.For(Roles.Administrator, null, null, null);
        scope.IsNational.ShouldBeTrue();
        scope.CanSeeProvince("51").ShouldBeTrue();
        scope.CanSeeProvince("33").ShouldBeTrue();
        scope.CanSeeRegency("94.71").ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.CommitteeChair)]
    [InlineData(Roles.CommitteeMember)]
    public void A_committee_member_sees_their_province_only(string role)
    {
        var scope = AccessScope.For(role, "51", null, null);
        scope.IsNational.ShouldBeFalse();
        scope.ProvinceCode.ShouldBe("51");
        scope.CanSeeProvince("51").ShouldBeTrue();
        scope.CanSeeProvince("33").ShouldBeFalse();
        scope.CanSeeRegency("51.04").ShouldBeTrue();
        scope.CanSeeRegency("51.71").ShouldBeTrue();
        scope.CanSeeRegency("33.74").ShouldBeFalse();
        scope.IsLimitedToRegencies.ShouldBeFalse();
    }

    [Fact]
    public void A_branch_officer_sees_the_regencies_of_their_branch_only()
    {
        var scope = AccessScope.For(Roles.BranchOfficer, "51", 7, DenpasarBranch);
        scope.BranchOfficeId.ShouldBe(7);
        scope.IsLimitedToRegencies.ShouldBeTrue();
        scope.CanSeeProvince("51").ShouldBeTrue();
        scope.CanSeeRegency("51.71").ShouldBeTrue();
        scope.CanSeeRegency("51.08").ShouldBeTrue();
        scope.CanSeeRegency("51.04").ShouldBeFalse(); // Gianyar: the other branch
        scope.CanSeeRegency("33.74").ShouldBeFalse();
        scope.RegencyCodes.Count.ShouldBe(5);
    }

    [Fact]
    public void A_regency_code_of_another_province_is_refused_even_if_listed_in_the_branch()
    {
        // A corrupt coverage list must not widen the scope beyond the province.
        var scope = AccessScope.For(Roles.BranchOfficer, "51", 7, ["33.74"]);
        scope.CanSeeRegency("33.74").ShouldBeFalse();
    }

    [Theory]
    [InlineData(Roles.CommitteeMember, null, null)]
    [InlineData(Roles.CommitteeChair, "", null)]
    [InlineData(Roles.BranchOfficer, "51", null)]
    [InlineData(Roles.BranchOfficer, null, 3)]
    [InlineData(null, "51", null)]
    [InlineData("Unknown", "51", null)]
    public void An_incomplete_assignment_sees_nothing(string? role, string? province, int? branch)
    {
        var scope = AccessScope.For(role, province, branch, ["51.71"]);
        scope.SeesNothing.ShouldBeTrue();
        scope.IsNational.ShouldBeFalse();
        scope.CanSeeProvince("51").ShouldBeFalse();
        scope.CanSeeRegency("51.71").ShouldBeFalse();
    }

    [Fact]
    public void A_province_code_is_not_matched_by_prefix()
    {
        var scope = AccessScope.Province("5");
        scope.CanSeeProvince("51").ShouldBeFalse();
        scope.CanSeeRegency("51.71").ShouldBeFalse();
    }
}

public class RegencyOrCityTests
{
    [Theory]
    [InlineData("51.71", RegencyKind.City)]
    [InlineData("51.04", RegencyKind.Regency)]
    [InlineData("33.29", RegencyKind.Regency)]
    [InlineData("33.76", RegencyKind.City)]
    public void Kemendagri_numbers_cities_from_71(string code, RegencyKind kind) =>
        RegencyOrCity.KindFromCode(code).ShouldBe(kind);

    [Fact]
    public void The_province_code_is_the_first_two_digits() =>
        RegencyOrCity.ProvinceCodeOf("51.71").ShouldBe("51");
}

public class RolesTests
{
    [Fact]
    public void There_are_six_roles_and_three_are_provincial()
    {
        Roles.All.ShouldBe([Roles.Administrator, Roles.CommitteeChair, Roles.CommitteeMember, Roles.BranchOfficer, Roles.NationalJuror, Roles.CandidateRepresentative]);
        Roles.All.Count(Roles.IsProvincial).ShouldBe(3);
        Roles.IsProvincial(Roles.Administrator).ShouldBeFalse();
        // The national juror belongs to no province (docs/decisions/043).
        Roles.IsProvincial(Roles.NationalJuror).ShouldBeFalse();
        Roles.IsCommittee(Roles.NationalJuror).ShouldBeFalse();
        Roles.IsCommittee(Roles.BranchOfficer).ShouldBeFalse();
        Roles.IsCommittee(Roles.CommitteeChair).ShouldBeTrue();
        // A candidate's representative is outside the award's people (docs/decisions/049): not staff,
        // not of the "portal" policy, and not offered on the administrator's users pages.
        Roles.IsProvincial(Roles.CandidateRepresentative).ShouldBeFalse();
        Roles.Staff.ShouldNotContain(Roles.CandidateRepresentative);
        Roles.Portal.ShouldBe([Roles.Administrator, Roles.CommitteeChair, Roles.CommitteeMember, Roles.BranchOfficer, Roles.NationalJuror]);
        Roles.Assignable.ShouldNotContain(Roles.CandidateRepresentative);
    }
}

public class CandidateScopeTests
{
    [Fact]
    public void A_candidates_representative_sees_their_organisation_and_nothing_provincial()
    {
        var scope = AccessScope.For(Roles.CandidateRepresentative, null, null, null, organisationId: 42);

        scope.IsCandidate.ShouldBeTrue();
        scope.CandidateOrganisationId.ShouldBe(42);
        scope.SeesNothing.ShouldBeTrue();
        scope.IsNational.ShouldBeFalse();
        scope.SeesNationalStage.ShouldBeFalse();
        scope.CanSeeProvince("51").ShouldBeFalse();
        scope.CanSeeRegency("51.71").ShouldBeFalse();
    }

    [Fact]
    public void A_province_on_a_candidates_account_gives_no_province_and_no_organisation_gives_nothing()
    {
        // Even a stray province on the account does not open the province to a candidate.
        var stray = AccessScope.For(Roles.CandidateRepresentative, "51", null, null, organisationId: 7);
        stray.ProvinceCode.ShouldBeNull();
        stray.CanSeeProvince("51").ShouldBeFalse();

        var none = AccessScope.For(Roles.CandidateRepresentative, null, null, null);
        none.IsCandidate.ShouldBeFalse();
        none.SeesNothing.ShouldBeTrue();
    }

    [Fact]
    public void Only_a_candidates_representative_gets_an_organisation_scope()
    {
        foreach (var role in Roles.Portal)
        {
            AccessScope.For(role, "51", role == Roles.BranchOfficer ? 1 : null, ["51.71"], organisationId: 42)
                .IsCandidate.ShouldBeFalse(role);
        }
    }
}
