using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>
/// The tables that let several instances share what each used to keep to itself
/// (docs/decisions/018-stateless-instances.md): data-protection keys, stored files in chunks,
/// import previews, the job table and the sign-in attempt counters.
/// </summary>
public sealed class SharedStateConfiguration :
    IEntityTypeConfiguration<DataProtectionKey>,
    IEntityTypeConfiguration<StoredFile>,
    IEntityTypeConfiguration<StoredFileChunk>,
    IEntityTypeConfiguration<ImportPreview>,
    IEntityTypeConfiguration<Job>,
    IEntityTypeConfiguration<SignInAttemptWindow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");

    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("stored_files");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<StoredFileChunk> builder)
    {
        builder.ToTable("stored_file_chunks");
        builder.HasKey(c => new { c.FileId, c.Sequence });
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ImportPreview> builder)
    {
        builder.ToTable("import_previews");
        builder.HasKey(p => p.BatchId);
        builder.Property(p => p.BatchId).ValueGeneratedNever();
        builder.Property(p => p.Details).HasColumnType("jsonb");
        builder.HasOne<ImportBatch>().WithOne().HasForeignKey<ImportPreview>(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.Property(j => j.Kind).HasMaxLength(100);
        builder.Property(j => j.Payload).HasColumnType("jsonb");
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.LastError).HasMaxLength(2000);
        // The claim query: queued jobs that are due, and running jobs whose lease ran out.
        builder.HasIndex(j => new { j.Status, j.RunAfter }).HasFilter("status IN ('queued', 'running')");
    }

    public void Configure(EntityTypeBuilder<SignInAttemptWindow> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => new { a.ClientAddress, a.WindowStart });
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
        builder.HasIndex(a => a.WindowStart);
    }
}
