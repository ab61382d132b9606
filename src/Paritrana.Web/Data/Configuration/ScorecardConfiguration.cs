using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Data.Configuration;

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
