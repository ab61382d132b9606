using Npgsql;

namespace Paritrana.Web.Features.Nominations;

/// <summary>The messages the nomination pages share, so that each refusal reads the same wherever it is met.</summary>
public static class NominationMessages
{
    public static string CycleClosed(IStringLocalizer l, int year) =>
        l["Siklus {0} sudah ditutup; nominasinya hanya dapat diubah oleh administrator.", year.ToString(CultureInfo.InvariantCulture)];

    /// <summary>A workflow step taken on a page read before someone else changed the nomination.</summary>
    public static string TransitionConflict(IStringLocalizer l) =>
        l["Nominasi ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi langkah Anda bila masih perlu."];

    /// <summary>An edit posted from a form read before someone else changed the nomination; the form then shows what is stored now.</summary>
    public static string EditConflict(IStringLocalizer l) =>
        l["Nominasi ini baru saja diubah oleh orang lain. Isian di bawah menampilkan data terbaru; periksa lalu simpan lagi bila perlu."];

    public static string FiguresNotEditable(IStringLocalizer l, NominationStatus status) =>
        l["Nominasi berstatus {0}; angkanya hanya dapat diubah selama berstatus Draf atau Dikembalikan.", l[NominationNames.Status(status)]];

    public const string NominationPerCycleIndex = "ix_nominations_cycle_id_organisation_id";
    public const string GovernmentPerRegionIndex = "ix_organisations_one_government_per_region";

    /// <summary>The unique index a save ran into (a race with another user), or null for any other failure.</summary>
    public static string? UniqueViolation(Exception e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg ? pg.ConstraintName ?? "" : null;
}
