using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>Provinces and their regencies and cities (seeded from Data/Regions/*.csv).</summary>
public sealed class RegionConfiguration :
    IEntityTypeConfiguration<Province>, IEntityTypeConfiguration<RegencyOrCity>, IEntityTypeConfiguration<RegionalFigures>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ToTable("provinces");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(2);
        builder.Property(p => p.Name).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<RegencyOrCity> builder)
    {
        builder.ToTable("regencies_and_cities");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(5);
        builder.Property(r => r.ProvinceCode).HasMaxLength(2);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasOne(r => r.Province).WithMany(p => p.RegenciesAndCities).HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ProvinceCode);
    }

    public void Configure(EntityTypeBuilder<RegionalFigures> builder)
    {
        builder.ToTable("regional_figures");
        builder.HasKey(f => new { f.RegencyCode, f.Period });
        builder.Property(f => f.RegencyCode).HasMaxLength(5);
        // The province and national pages read one period across all regencies.
        builder.HasIndex(f => f.Period);
        builder.HasIndex(f => f.ImportBatchId);
        builder.HasOne(f => f.RegencyOrCity).WithMany().HasForeignKey(f => f.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(f => f.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>BPJamsostek's regional offices, branch offices and the regencies each branch serves.</summary>
public sealed class OfficeConfiguration :
    IEntityTypeConfiguration<RegionalOffice>, IEntityTypeConfiguration<BranchOffice>, IEntityTypeConfiguration<BranchOfficeArea>
{
    public void Configure(EntityTypeBuilder<RegionalOffice> builder)
    {
        builder.ToTable("regional_offices");
        builder.Property(o => o.Name).HasMaxLength(150);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Property(o => o.Version).IsRowVersion();
    }

    public void Configure(EntityTypeBuilder<BranchOffice> builder)
    {
        builder.ToTable("branch_offices");
        builder.Property(o => o.Name).HasMaxLength(150);
        builder.Property(o => o.ProvinceCode).HasMaxLength(2);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.HasIndex(o => o.ProvinceCode);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasOne(o => o.RegionalOffice).WithMany(r => r.BranchOffices).HasForeignKey(o => o.RegionalOfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Province).WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<BranchOfficeArea> builder)
    {
        builder.ToTable("branch_office_areas");
        builder.HasKey(a => new { a.BranchOfficeId, a.RegencyCode });
        builder.Property(a => a.RegencyCode).HasMaxLength(5);
        // Each regency or city is served by one branch office.
        builder.HasIndex(a => a.RegencyCode).IsUnique();
        builder.HasOne<BranchOffice>().WithMany(o => o.Areas).HasForeignKey(a => a.BranchOfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.RegencyOrCity).WithMany().HasForeignKey(a => a.RegencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}
