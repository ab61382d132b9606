using Paritrana.Domain.Access;
using Paritrana.Domain.National;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.National;

/// <summary>The national stage's rules (docs/decisions/043): the pool, the juror's scope, the jury's conflict rule and the national rounds' aggregation.</summary>
public class NationalStageTests
{
    [Theory]
    [InlineData(NominationStatus.ForwardedToNational, true)]
    [InlineData(NominationStatus.Winner, true)]
    [InlineData(NominationStatus.NotWinner, true)]
    [InlineData(NominationStatus.Finalist, false)]
    [InlineData(NominationStatus.NotShortlisted, false)]
    [InlineData(NominationStatus.Scored, false)]
    [InlineData(NominationStatus.Draft, false)]
    [InlineData(NominationStatus.Withdrawn, false)]
    public void The_pool_holds_the_forwarded_nominations_and_their_national_outcome(NominationStatus status, bool inPool)
    {
        NationalStage.InPool(status).ShouldBe(inPool);
        NationalStage.PoolStatuses.Contains(status).ShouldBe(inPool);
    }

    [Fact]
    public void Every_status_is_either_in_the_pool_or_not_and_the_pool_list_agrees()
    {
        Enum.GetValues<NominationStatus>().Where(NationalStage.InPool).ShouldBe(NationalStage.PoolStatuses, ignoreOrder: true);
    }

    [Fact]
    public void A_juror_sees_nothing_provincial_but_the_national_stage()
    {
        // A juror account may carry a (home) province elsewhere; the scope ignores any province given.
        var scope = AccessScope.For(Roles.NationalJuror, "51", null, null);
        scope.SeesNothing.ShouldBeTrue();
        scope.IsNational.ShouldBeFalse();
        scope.ProvinceCode.ShouldBeNull();
        scope.CanSeeProvince("51").ShouldBeFalse();
        scope.CanSeeRegency("51.71").ShouldBeFalse();
        scope.SeesNationalStage.ShouldBeTrue();
        scope.IsJuror.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.CommitteeChair, false)]
    [InlineData(Roles.CommitteeMember, false)]
    public void Only_the_administrator_and_jurors_see_the_national_stage(string role, bool sees)
    {
        var scope = AccessScope.For(role, role == Roles.Administrator ? null : "33", null, null);
        scope.SeesNationalStage.ShouldBe(sees);
        scope.IsJuror.ShouldBeFalse();
    }

    [Fact]
    public void The_national_scope_value_is_no_province()
    {
        NationalStage.IsNational(NationalStage.Code).ShouldBeTrue();
        NationalStage.IsNational("51").ShouldBeFalse();
        // Province codes are 11..94 (Kemendagri); "00" can never be one.
        AccessScope.Province("51").CanSeeProvince(NationalStage.Code).ShouldBeFalse();
    }

    [Theory]
    [InlineData("51", "51", false, JurorExclusion.HomeProvince)]
    [InlineData("51", "33", false, JurorExclusion.None)]
    [InlineData(null, "51", false, JurorExclusion.None)]
    [InlineData("", "51", false, JurorExclusion.None)]
    [InlineData("33", "51", true, JurorExclusion.DeclaredConflict)]
    [InlineData("51", "51", true, JurorExclusion.DeclaredConflict)]
    public void A_juror_from_the_candidates_province_or_with_a_declared_conflict_does_not_score_it(string? home, string candidate, bool declared, JurorExclusion expected)
    {
        JurorConflicts.Check(home, candidate, declared).ShouldBe(expected);
    }

    [Fact]
    public void The_national_rounds_combine_by_their_weights_through_the_provinces_arithmetic()
    {
        // Verification 60 %, interview 40 % (CriteriaTemplates.NationalRounds).
        CriteriaTemplates.NationalRounds.Select(r => (r.Kind, r.Weight)).ShouldBe([(RoundKind.Documents, 60m), (RoundKind.Interview, 40m)]);
        CriteriaTemplates.NationalRounds.Sum(r => r.Weight).ShouldBe(100m);

        // Two jurors' cards per round, mean: verification (80 + 90) / 2 = 85, interview (70 + 74) / 2 = 72;
        // total 0.6 × 85 + 0.4 × 72 = 51 + 28.8 = 79.8.
        var verification = ScoringMath.RoundScore([new(Guid.NewGuid(), 1, 80m), new(Guid.NewGuid(), 1, 90m)], RoundAggregation.Mean);
        var interview = ScoringMath.RoundScore([new(Guid.NewGuid(), 1, 70m), new(Guid.NewGuid(), 1, 74m)], RoundAggregation.Mean);
        verification.ShouldBe(85m);
        interview.ShouldBe(72m);
        var total = ScoringMath.Total([new RoundPart(60m, verification), new RoundPart(40m, interview)]);
        total.Value.ShouldBe(79.8m);
        total.IsComplete.ShouldBeTrue();
    }
}
