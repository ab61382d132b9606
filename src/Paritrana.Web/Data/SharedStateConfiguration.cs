using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Paritrana.Web.Data;

/// <summary>
/// The tables that let several instances share what each used to keep to itself
/// (docs/decisions/018-stateless-instances.md): data-protection keys, stored files in chunks,
/// import previews, the job table and the sign-in attempt counters.
/// </summary>
public static class SharedStateConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));

        builder.Entity<StoredFile>(e =>
        {
            e.ToTable("stored_files");
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.Sha256).HasMaxLength(64);
        });

        builder.Entity<StoredFileChunk>(e =>
        {
            e.ToTable("stored_file_chunks");
            e.HasKey(c => new { c.FileId, c.Sequence });
            e.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ImportPreview>(e =>
        {
            e.ToTable("import_previews");
            e.HasKey(p => p.BatchId);
            e.Property(p => p.BatchId).ValueGeneratedNever();
            e.Property(p => p.Details).HasColumnType("jsonb");
            e.HasOne<Paritrana.Domain.Organisations.ImportBatch>().WithOne().HasForeignKey<ImportPreview>(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Job>(e =>
        {
            e.ToTable("jobs");
            e.Property(j => j.Kind).HasMaxLength(100);
            e.Property(j => j.Payload).HasColumnType("jsonb");
            e.Property(j => j.Status).HasMaxLength(20);
            e.Property(j => j.LeaseOwner).HasMaxLength(200);
            e.Property(j => j.LastError).HasMaxLength(2000);
            // The claim query: queued jobs that are due, and running jobs whose lease ran out.
            e.HasIndex(j => new { j.Status, j.RunAfter }).HasFilter("status IN ('queued', 'running')");
        });

        builder.Entity<SignInAttemptWindow>(e =>
        {
            e.ToTable("sign_in_attempts");
            e.HasKey(a => new { a.ClientAddress, a.WindowStart });
            e.Property(a => a.ClientAddress).HasMaxLength(64);
            e.HasIndex(a => a.WindowStart);
        });
    }
}
