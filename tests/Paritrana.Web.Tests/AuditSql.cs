namespace Paritrana.Web.Tests;

/// <summary>
/// The readable line of an audit event's details in SQL: the jsonb array of named values
/// (docs/decisions/027) as the audit log shows it, "name: value; value", so that a test states the
/// details it expects as one line; null when the event has no details.
/// </summary>
public static class AuditSql
{
    public static string Text(string column = "details") =>
        $"(SELECT CASE WHEN {column} IS NULL THEN NULL ELSE coalesce(string_agg(coalesce(d->>'name' || ': ', '') || (d->>'value'), '; ' ORDER BY n), '') END " +
        $"FROM jsonb_array_elements({column}) WITH ORDINALITY AS details_entries(d, n))";
}
