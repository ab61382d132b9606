using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>An award cycle with its stages (and the provinces' own stage dates) and its categories.</summary>
public sealed class CycleConfiguration :
    IEntityTypeConfiguration<AwardCycle>, IEntityTypeConfiguration<CycleStage>, IEntityTypeConfiguration<ProvinceStage>, IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<AwardCycle> builder)
    {
        builder.ToTable("award_cycles");
        builder.HasIndex(c => c.Year).IsUnique();
        // At most one current cycle.
        builder.HasIndex(c => c.IsCurrent).IsUnique().HasFilter("is_current");
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.AssessmentStart);
        builder.Ignore(c => c.AssessmentEnd);
    }

    public void Configure(EntityTypeBuilder<CycleStage> builder)
    {
        builder.ToTable("cycle_stages");
        builder.HasKey(s => new { s.CycleId, s.Stage });
        builder.HasOne<AwardCycle>().WithMany(c => c.Stages).HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProvinceStage> builder)
    {
        builder.ToTable("province_stages");
        builder.HasKey(s => new { s.CycleId, s.ProvinceCode, s.Stage });
        builder.Property(s => s.ProvinceCode).HasMaxLength(2);
        builder.Ignore(s => s.RegencyCode);
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Province>().WithMany().HasForeignKey(s => s.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(150);
        builder.HasIndex(c => new { c.CycleId, c.Code }).IsUnique();
        builder.HasIndex(c => new { c.CycleId, c.Name }).IsUnique();
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne(c => c.Cycle).WithMany(c => c.Categories).HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Restrict);
    }
}
