using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>The audit trail's table; its details are a jsonb array of named values (docs/decisions/027).</summary>
public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.Property(a => a.Action).HasMaxLength(80);
        builder.Property(a => a.UserEmail).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(80);
        builder.Property(a => a.EntityId).HasMaxLength(80);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.Details)
            .HasColumnType("jsonb")
            .HasConversion(
                d => AuditDetailsJson.Write(d!),
                json => AuditDetailsJson.Read(json),
                new ValueComparer<AuditDetails?>((a, b) => Equals(a, b), d => d == null ? 0 : d.GetHashCode(), d => d));
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ProvinceCode, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
