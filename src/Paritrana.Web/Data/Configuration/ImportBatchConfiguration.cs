using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Regions;

namespace Paritrana.Web.Data.Configuration;

/// <summary>One upload of a BPJamsostek employer extract and its outcome (its preview: SharedStateConfiguration).</summary>
public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("import_batches");
        builder.Property(b => b.FileName).HasMaxLength(255);
        builder.Property(b => b.FileSha256).HasMaxLength(64);
        builder.Property(b => b.UserEmail).HasMaxLength(256);
        builder.Property(b => b.Error).HasMaxLength(2000);
        builder.HasIndex(b => b.CreatedAt);
        builder.HasOne<BranchOffice>().WithMany().HasForeignKey(b => b.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
