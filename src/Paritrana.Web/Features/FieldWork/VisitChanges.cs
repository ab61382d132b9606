namespace Paritrana.Web.Features.FieldWork;

/// <summary>What the pages that change a planned visit (record, reschedule, cancel) share.</summary>
public static class VisitChanges
{
    /// <summary>The visit (tracked, for changing) and its nomination, in the user's scope; null when either is not there.</summary>
    public static async Task<(Visit Visit, NominationRef Nomination)?> LoadAsync(ParitranaDbContext db, AccessScope scope, int id, CancellationToken ct)
    {
        var visit = await db.Visits.InScope(scope, db.Nominations).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return null;
        }

        var nomination = await NominationRef.LoadAsync(db, scope, visit.NominationId, ct);
        return nomination is null ? null : (visit, nomination);
    }

    /// <summary>Why this visit may not be changed now, or null: only planned visits change, and only while the nomination's field work may.</summary>
    public static string? Refusal(IStringLocalizer l, Visit visit, NominationRef nomination, string? role) =>
        nomination.ChangeRefusal(l, role)
        ?? (visit.Status == VisitStatus.Planned ? null : l["Status kunjungan ini {0}; hanya kunjungan yang masih direncanakan yang dapat diubah.", l[FieldWorkNames.Visit(visit.Status)].Value].Value);

    public static string Stale(IStringLocalizer l) =>
        l["Kunjungan ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."].Value;
}
