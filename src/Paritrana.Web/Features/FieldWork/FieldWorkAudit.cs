using System.Globalization;
using Paritrana.Domain.FieldWork;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// The details of the field-work audit events the timeline reads back (<see cref="AuditText"/>),
/// written by the pages and by the demo seeder alike, so that a seeded visit or coaching item has
/// the same trail as one entered through the pages.
/// </summary>
public static class FieldWorkAudit
{
    public static string VisitPlanned(int nominationId, DateTimeOffset plannedAt, int members, string place) =>
        AuditText.Of(
            ("nomination", nominationId.ToString(CultureInfo.InvariantCulture)),
            ("at", LocalTime.Iso(plannedAt)),
            ("members", members.ToString(CultureInfo.InvariantCulture)),
            ("place", place));

    public static string VisitDone(DateTimeOffset doneAt) => AuditText.Of(("done at", LocalTime.Iso(doneAt)));

    public static string CoachingCreated(int nominationId, int? visitId, DateOnly dueDate, string finding) =>
        AuditText.Of(
            ("nomination", nominationId.ToString(CultureInfo.InvariantCulture)),
            ("visit", visitId?.ToString(CultureInfo.InvariantCulture)),
            ("due", dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("finding", finding));

    /// <summary>A coaching item's status change; <paramref name="textKey"/> names the text given with it ("note", "reason"), if any.</summary>
    public static string CoachingChanged(CoachingStatus from, CoachingStatus to, string? textKey = null, string? text = null) =>
        textKey is null
            ? AuditText.Of(("status", $"{from} -> {to}"))
            : AuditText.Of(("status", $"{from} -> {to}"), (textKey, text));
}
