using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Data.Configuration;

/// <summary>A version of a category's criteria: its aspects and their indicators.</summary>
public sealed class CriteriaSetConfiguration :
    IEntityTypeConfiguration<CriteriaSet>, IEntityTypeConfiguration<Aspect>, IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> builder)
    {
        builder.ToTable("criteria_sets");
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.CategoryId, c.VersionNumber }).IsUnique();
        // One current version per category.
        builder.HasIndex(c => c.CategoryId).IsUnique().HasFilter("is_current").HasDatabaseName("ix_criteria_sets_one_current_per_category");
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
