using Npgsql;

namespace Paritrana.Web.Pages.Admin.Offices;

/// <summary>What the office pages share: how an office name is compared and how a duplicate is recognised.</summary>
public static class OfficeNames
{
    public const int MaxLength = 150;

    /// <summary>
    /// An ILIKE pattern that matches <paramref name="name"/> exactly but without regard to case, so
    /// "kantor cabang denpasar" counts as a duplicate of "Kantor Cabang Denpasar".
    /// </summary>
    public static string ExactPattern(string name) =>
        name.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>The unique index violated by a save that raced another, or null for any other failure.</summary>
    public static string? UniqueViolation(Exception e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg ? pg.ConstraintName ?? "" : null;

    public const string RegionalOfficeNameIndex = "ix_regional_offices_name";
    public const string BranchOfficeNameIndex = "ix_branch_offices_name";
    public const string BranchAreaIndex = "ix_branch_office_areas_regency_code";
}
