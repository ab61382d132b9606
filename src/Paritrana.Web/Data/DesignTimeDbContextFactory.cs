using Microsoft.EntityFrameworkCore.Design;

namespace Paritrana.Web.Data;

/// <summary>
/// How the <c>dotnet ef</c> tool makes the DbContext (<c>migrations add</c>, <c>migrations script</c>,
/// <c>dbcontext script</c>): without the portal's configuration, and without a database, since
/// none of those commands connects. <c>ConnectionStrings__Paritrana</c>, when set, is used for the
/// commands that do connect (<c>database update</c>, <c>migrations list</c>). See docs/decisions/016.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ParitranaDbContext>
{
    /// <summary>A placeholder: never opened by the commands that only read the model.</summary>
    public const string PlaceholderConnectionString = "Host=localhost;Database=paritrana_design_time";

    public ParitranaDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Paritrana") is { Length: > 0 } cs
            ? cs
            : PlaceholderConnectionString;
        var options = new DbContextOptionsBuilder<ParitranaDbContext>();
        ParitranaDbContext.Configure(options, connectionString);
        return new ParitranaDbContext(options.Options);
    }
}
