using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>A version of a category's criteria: its aspects and their indicators.</summary>
public sealed class CriteriaSetConfiguration :
    IEntityTypeConfiguration<CriteriaSet>, IEntityTypeConfiguration<Aspect>, IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> builder)
    {
        builder.ToTable("criteria_sets");
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.CategoryId, c.Stage, c.VersionNumber }).IsUnique();
        // One current version per category and stage (provincial, national: docs/decisions/043).
        builder.HasIndex(c => new { c.CategoryId, c.Stage }).IsUnique().HasFilter("is_current").HasDatabaseName("ix_criteria_sets_one_current_per_category");
        builder.Property(c => c.Stage).HasDefaultValue(ScoringStage.Provincial).HasSentinel((ScoringStage)0);
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Aspect> builder)
    {
        builder.ToTable("aspects");
        builder.Property(a => a.Code).HasMaxLength(20);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Weight).HasPrecision(5, 2);
        builder.HasIndex(a => new { a.CriteriaSetId, a.Code }).IsUnique();
        builder.HasOne<CriteriaSet>().WithMany(c => c.Aspects).HasForeignKey(a => a.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.Property(i => i.Code).HasMaxLength(20);
        builder.Property(i => i.Name).HasMaxLength(500);
        builder.Property(i => i.Weight).HasPrecision(5, 2);
        builder.Property(i => i.EvidenceGuidance).HasMaxLength(2000);
        foreach (var rubric in new[] { nameof(Indicator.Rubric1), nameof(Indicator.Rubric2), nameof(Indicator.Rubric3), nameof(Indicator.Rubric4), nameof(Indicator.Rubric5) })
        {
            builder.Property(rubric).HasMaxLength(1000);
        }

        builder.HasIndex(i => new { i.AspectId, i.Code }).IsUnique();
        builder.HasOne<Aspect>().WithMany(a => a.Indicators).HasForeignKey(i => i.AspectId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A province's scoring round with its aspects, the scorers assigned to its nominations, and the
/// scorers' declared conflicts of interest; the cycle's scoring settings.
/// </summary>
public sealed class ScoringRoundConfiguration :
    IEntityTypeConfiguration<ScoringRound>,
    IEntityTypeConfiguration<RoundAspect>,
    IEntityTypeConfiguration<Assignment>,
    IEntityTypeConfiguration<ConflictDeclaration>,
    IEntityTypeConfiguration<ScoringSettings>
{
    public void Configure(EntityTypeBuilder<ScoringRound> builder)
    {
        builder.ToTable("scoring_rounds");
        builder.Property(r => r.ProvinceCode).HasMaxLength(2);
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.Property(r => r.Weight).HasPrecision(5, 2);
        // Existing rounds get "no" when the column is added; the default stays, so model and database agree.
        builder.Property(r => r.RefuseLateCards).HasDefaultValue(false);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.CycleId, r.ProvinceCode, r.Name }).IsUnique();
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to provinces: a national round's scope value is NationalStage.Code, which no
        // province has (docs/decisions/043); a provincial round's province is checked by its pages.
    }

    public void Configure(EntityTypeBuilder<RoundAspect> builder)
    {
        builder.ToTable("round_aspects");
        builder.HasKey(a => new { a.RoundId, a.AspectCode });
        builder.Property(a => a.AspectCode).HasMaxLength(20);
        builder.HasOne<ScoringRound>().WithMany(r => r.Aspects).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("assignments");
        builder.HasIndex(a => new { a.RoundId, a.NominationId, a.ScorerId }).IsUnique();
        builder.HasIndex(a => new { a.ScorerId, a.RoundId });
        builder.HasIndex(a => a.NominationId);
        builder.HasOne<ScoringRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(a => a.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.ScorerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.ToTable("conflict_declarations");
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.HasIndex(c => new { c.NominationId, c.ScorerId }).IsUnique();
        builder.HasIndex(c => c.ScorerId);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ScorerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ScoringSettings> builder)
    {
        builder.ToTable("scoring_settings");
        builder.HasKey(s => s.CycleId);
        builder.Property(s => s.DisagreementThreshold).HasPrecision(5, 2);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<AwardCycle>().WithOne().HasForeignKey<ScoringSettings>(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A scorer's card for a nomination in a round: its scores and their history.</summary>
public sealed class ScorecardConfiguration :
    IEntityTypeConfiguration<Scorecard>, IEntityTypeConfiguration<Score>, IEntityTypeConfiguration<ScoreChange>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.ToTable("scorecards");
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.Property(c => c.RegencyCode).HasMaxLength(5);
        builder.Property(c => c.Total).HasPrecision(9, 4);
        builder.Property(c => c.Strengths).HasMaxLength(4000);
        builder.Property(c => c.ReopenReason).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.RoundId, c.NominationId, c.ScorerId }).IsUnique();
        builder.HasIndex(c => new { c.ScorerId, c.Status });
        builder.HasIndex(c => new { c.NominationId, c.Status });
        // The ranking reads every submitted card's total of a round from this index alone (an
        // index-only scan, no heap access): migration 20261121000008_ScoringPages, docs/benchmarks.md.
        builder.HasIndex(c => new { c.RoundId, c.Status }).IncludeProperties(c => new { c.ProvinceCode, c.NominationId, c.ScorerId, c.Total })
            .HasDatabaseName("ix_scorecards_round_totals");
        builder.HasOne<ScoringRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ScorerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(c => c.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.ToTable("scores");
        builder.HasKey(s => new { s.ScorecardId, s.IndicatorId });
        builder.Property(s => s.Value).HasPrecision(5, 2);
        builder.Property(s => s.Comment).HasMaxLength(2000);
        builder.HasIndex(s => s.IndicatorId);
        builder.HasOne<Scorecard>().WithMany(c => c.Scores).HasForeignKey(s => s.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ScoreChange> builder)
    {
        builder.ToTable("score_changes");
        builder.Property(c => c.OldValue).HasPrecision(5, 2);
        builder.Property(c => c.NewValue).HasPrecision(5, 2);
        builder.Property(c => c.OldComment).HasMaxLength(2000);
        builder.Property(c => c.NewComment).HasMaxLength(2000);
        builder.Property(c => c.Event).HasMaxLength(30);
        builder.HasIndex(c => new { c.ScorecardId, c.At });
        builder.HasOne<Scorecard>().WithMany().HasForeignKey(c => c.ScorecardId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A province's plenary of a cycle and its finalist decisions (the frozen versions: PlenaryDecisionVersionConfiguration).</summary>
public sealed class PlenaryConfiguration : IEntityTypeConfiguration<Plenary>, IEntityTypeConfiguration<FinalistDecision>
{
    public void Configure(EntityTypeBuilder<Plenary> builder)
    {
        builder.ToTable("plenaries");
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.Property(p => p.Place).HasMaxLength(300);
        builder.Property(p => p.Attendees).HasMaxLength(4000);
        builder.Property(p => p.Minutes).HasMaxLength(20000);
        builder.Property(p => p.Decision).HasMaxLength(8000);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.CycleId, p.ProvinceCode }).IsUnique();
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to provinces: the national plenary's scope is NationalStage.Code ("00"),
        // which no province has (docs/decisions/047, as the national rounds in 043).
    }

    public void Configure(EntityTypeBuilder<FinalistDecision> builder)
    {
        builder.ToTable("finalist_decisions");
        builder.Property(d => d.Total).HasPrecision(9, 4);
        builder.Property(d => d.Rationale).HasMaxLength(4000);
        builder.Property(d => d.NationalAwardName).HasMaxLength(300);
        builder.HasIndex(d => new { d.PlenaryId, d.NominationId }).IsUnique();
        builder.HasIndex(d => d.NominationId);
        builder.HasOne<Plenary>().WithMany().HasForeignKey(d => d.PlenaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(d => d.NominationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// plenary_decision_versions (docs/decisions/011): at most one version of a plenary in force (a
/// partial unique index), version numbers and document numbers unique, the verification code
/// indexed for the verification page. A document is never deleted with its plenary.
/// </summary>
public sealed class PlenaryDecisionVersionConfiguration : IEntityTypeConfiguration<PlenaryDecisionVersion>
{
    public void Configure(EntityTypeBuilder<PlenaryDecisionVersion> builder)
    {
        builder.ToTable("plenary_decision_versions");
        builder.Property(v => v.ProvinceCode).HasMaxLength(2);
        builder.Property(v => v.DocumentNumber).HasMaxLength(40);
        builder.Property(v => v.Snapshot).HasColumnType("jsonb");
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.VerificationCode).HasMaxLength(DecisionDocument.CodeLength).IsFixedLength();
        builder.Property(v => v.SupersededByName).HasMaxLength(200);
        builder.Property(v => v.SupersededReason).HasMaxLength(2000);
        builder.HasIndex(v => new { v.PlenaryId, v.VersionNumber }).IsUnique();
        builder.HasIndex(v => v.PlenaryId).IsUnique().HasFilter("superseded_at IS NULL").HasDatabaseName("ix_plenary_decision_versions_in_force");
        builder.HasIndex(v => v.DocumentNumber).IsUnique();
        builder.HasIndex(v => v.VerificationCode);
        builder.HasOne<Plenary>().WithMany().HasForeignKey(v => v.PlenaryId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to provinces: the national plenary's documents carry NationalStage.Code (docs/decisions/047).
    }
}
