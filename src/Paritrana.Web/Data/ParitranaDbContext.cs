using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Regions;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Data;

/// <summary>
/// The one DbContext, used directly by the pages (no repository layer, see docs/decisions/001).
/// The schema is created by the hand-written SQL migrations in Data/Migrations; a test proves
/// that they produce exactly the schema of this model.
/// </summary>
public class ParitranaDbContext(DbContextOptions<ParitranaDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<RegencyOrCity> RegenciesAndCities => Set<RegencyOrCity>();
    public DbSet<RegionalOffice> RegionalOffices => Set<RegionalOffice>();
    public DbSet<BranchOffice> BranchOffices => Set<BranchOffice>();
    public DbSet<BranchOfficeArea> BranchOfficeAreas => Set<BranchOfficeArea>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.ProvinceCode).HasMaxLength(2);
            e.HasOne<Province>().WithMany().HasForeignKey(u => u.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BranchOffice>().WithMany().HasForeignKey(u => u.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.Entity<Province>(e =>
        {
            e.ToTable("provinces");
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(2);
            e.Property(p => p.Name).HasMaxLength(100);
        });

        builder.Entity<RegencyOrCity>(e =>
        {
            e.ToTable("regencies_and_cities");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(5);
            e.Property(r => r.ProvinceCode).HasMaxLength(2);
            e.Property(r => r.Name).HasMaxLength(100);
            e.HasOne(r => r.Province).WithMany(p => p.RegenciesAndCities).HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.ProvinceCode);
        });

        builder.Entity<RegionalOffice>(e =>
        {
            e.ToTable("regional_offices");
            e.Property(o => o.Name).HasMaxLength(150);
            e.HasIndex(o => o.Name).IsUnique();
            e.Property(o => o.Version).IsRowVersion();
        });

        builder.Entity<BranchOffice>(e =>
        {
            e.ToTable("branch_offices");
            e.Property(o => o.Name).HasMaxLength(150);
            e.Property(o => o.ProvinceCode).HasMaxLength(2);
            e.HasIndex(o => o.Name).IsUnique();
            e.HasIndex(o => o.ProvinceCode);
            e.Property(o => o.Version).IsRowVersion();
            e.HasOne(o => o.RegionalOffice).WithMany(r => r.BranchOffices).HasForeignKey(o => o.RegionalOfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Province).WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BranchOfficeArea>(e =>
        {
            e.ToTable("branch_office_areas");
            e.HasKey(a => new { a.BranchOfficeId, a.RegencyCode });
            e.Property(a => a.RegencyCode).HasMaxLength(5);
            // Each regency or city is served by one branch office.
            e.HasIndex(a => a.RegencyCode).IsUnique();
            e.HasOne<BranchOffice>().WithMany(o => o.Areas).HasForeignKey(a => a.BranchOfficeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.RegencyOrCity).WithMany().HasForeignKey(a => a.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.Property(a => a.Action).HasMaxLength(80);
            e.Property(a => a.UserEmail).HasMaxLength(256);
            e.Property(a => a.EntityType).HasMaxLength(80);
            e.Property(a => a.EntityId).HasMaxLength(80);
            e.Property(a => a.ProvinceCode).HasMaxLength(2);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.ProvinceCode, a.At });
            e.HasIndex(a => new { a.EntityType, a.EntityId });
        });

        ApplySnakeCaseNames(builder);
    }

    /// <summary>
    /// PostgreSQL folds unquoted names to lower case, so snake_case names let raw SQL (COPY,
    /// reports, psql sessions) be written without quotes.
    /// </summary>
    private static void ApplySnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is not null)
            {
                entity.SetTableName(ToSnakeCase(table));
            }

            var tableId = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.IsConcurrencyToken && property.ClrType == typeof(uint))
                {
                    // Optimistic concurrency on PostgreSQL's system column xmin: no column of our own.
                    property.SetColumnName("xmin");
                    property.SetColumnType("xid");
                    continue;
                }

                var column = property.GetColumnName(tableId);
                if (column is not null)
                {
                    property.SetColumnName(ToSnakeCase(column));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName()!));
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(ToSnakeCase(fk.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
