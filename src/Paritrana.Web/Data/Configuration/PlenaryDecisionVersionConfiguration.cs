using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Data.Configuration;

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
        builder.HasOne<Province>().WithMany().HasForeignKey(v => v.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }
}
