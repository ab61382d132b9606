using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Regions;

namespace Paritrana.Web.Data.Configuration;

/// <summary>Provinces and their regencies and cities (seeded from Data/Regions/*.csv).</summary>
public sealed class RegionConfiguration : IEntityTypeConfiguration<Province>, IEntityTypeConfiguration<RegencyOrCity>
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
}
