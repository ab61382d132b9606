namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// The details of the field-work audit events the timeline reads back by name,
/// written by the pages and by the demo seeder alike, so that a seeded visit or coaching item has
/// the same trail as one entered through the pages.
/// </summary>
public static class FieldWorkAudit
{
    public static AuditDetails VisitPlanned(int nominationId, DateTimeOffset plannedAt, int members, string place) =>
        AuditDetails.Of(
            ("nomination", nominationId.ToString(CultureInfo.InvariantCulture)),
            ("at", LocalTime.Iso(plannedAt)),
            ("members", members.ToString(CultureInfo.InvariantCulture)),
            ("place", place));

    public static AuditDetails VisitRescheduled(DateTimeOffset from, DateTimeOffset to, string? reason) =>
        AuditDetails.Of(("from", LocalTime.Iso(from)), ("to", LocalTime.Iso(to)), ("reason", reason));

    public static AuditDetails VisitCancelled(string? reason) => AuditDetails.Of(("reason", reason));

    public static AuditDetails VisitDone(DateTimeOffset doneAt) => AuditDetails.Of(("done at", LocalTime.Iso(doneAt)));

    public static AuditDetails CoachingCreated(int nominationId, int? visitId, DateOnly dueDate, string finding) =>
        AuditDetails.Of(
            ("nomination", nominationId.ToString(CultureInfo.InvariantCulture)),
            ("visit", visitId?.ToString(CultureInfo.InvariantCulture)),
            ("due", dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("finding", finding));

    /// <summary>A coaching item's status change; <paramref name="textKey"/> names the text given with it ("note", "reason"), if any.</summary>
    public static AuditDetails CoachingChanged(CoachingStatus from, CoachingStatus to, string? textKey = null, string? text = null) =>
        textKey is null
            ? AuditDetails.Of(("status", $"{from} -> {to}"))
            : AuditDetails.Of(("status", $"{from} -> {to}"), (textKey, text));
}
