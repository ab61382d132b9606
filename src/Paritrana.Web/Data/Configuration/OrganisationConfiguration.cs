using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>Organisations (government bodies and employers) with their dated coverage figures.</summary>
public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>, IEntityTypeConfiguration<CoverageFigures>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.Property(o => o.Name).HasMaxLength(250);
        builder.Property(o => o.ProvinceCode).HasMaxLength(2);
        builder.Property(o => o.RegencyCode).HasMaxLength(5);
        builder.Property(o => o.Npp).HasMaxLength(20);
        builder.Property(o => o.Sector).HasMaxLength(100);
        builder.Property(o => o.Address).HasMaxLength(500);
        builder.Property(o => o.ContactName).HasMaxLength(150);
        builder.Property(o => o.ContactPhone).HasMaxLength(50);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.Npp).IsUnique();
        // One government body per province and per regency or city (villages are many).
        builder.HasIndex(o => new { o.ProvinceCode, o.RegencyCode, o.GovernmentLevel }).IsUnique().AreNullsDistinct(false).HasFilter("government_level IN (1, 2)")
            .HasDatabaseName("ix_organisations_one_government_per_region");
        builder.HasIndex(o => new { o.ProvinceCode, o.RegencyCode, o.Type });
        builder.HasIndex(o => o.BranchOfficeId);
        builder.HasOne<Province>().WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        // The regency or city must lie in the organisation's province: one composite key (its index
        // is the one above), which also leaves the import one check and one index fewer per row (ADR 033).
        builder.HasOne<RegencyOrCity>().WithMany().HasForeignKey(o => new { o.ProvinceCode, o.RegencyCode })
            .HasPrincipalKey(r => new { r.ProvinceCode, r.Code }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BranchOffice>().WithMany().HasForeignKey(o => o.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CoverageFigures> builder)
    {
        builder.ToTable("coverage_figures");
        builder.HasIndex(f => new { f.OrganisationId, f.AsOf }).IsUnique();
        builder.HasIndex(f => f.ImportBatchId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(f => f.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>One upload of a BPJamsostek employer or regional coverage extract and its outcome (its preview: SharedStateConfiguration).</summary>
public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("import_batches");
        builder.Property(b => b.FileName).HasMaxLength(255);
        builder.Property(b => b.FileSha256).HasMaxLength(64);
        builder.Property(b => b.UserEmail).HasMaxLength(256);
        builder.Property(b => b.Error).HasMaxLength(2000);
        // The batches that existed before regional extracts were all employer imports. Every batch
        // the portal writes names its kind (never 0), so 0 is the value that would mean "the default".
        builder.Property(b => b.Kind).HasDefaultValue(ImportKind.Employers).HasSentinel((ImportKind)0);
        builder.HasIndex(b => b.CreatedAt);
        builder.HasOne<BranchOffice>().WithMany().HasForeignKey(b => b.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
