using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Features.Nominations;

/// <summary>
/// A nomination's next step as every nomination page shows it (Pages/Nominations/_NextStep):
/// "Menunggu verifikasi Kantor Cabang Denpasar sejak 3 hari (1 Des 2026)." and, when the person
/// looking is the one to take it, that it is their turn. The rule is Domain's
/// <see cref="NominationNextStep"/>; this only words it and reads what it needs.
/// </summary>
public sealed record NextStepView(int NominationId, NextStep Step, string Text, string? Yours)
{
    /// <summary>The next step of a nomination read in the user's scope; null when finished or not there.</summary>
    public static async Task<NextStepView?> LoadAsync(ParitranaDbContext db, AccessScope scope, int nominationId, string? role, TimeProvider clock, IStringLocalizer l, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().InScope(scope).Where(x => x.Id == nominationId)
            .Select(x => new
            {
                x.Status,
                x.CreatedAt,
                x.ProvinceCode,
                LastChange = x.StatusChanges.Max(c => (DateTimeOffset?)c.At),
                Branch = db.BranchOffices.Where(b => b.Id == x.BranchOfficeId).Select(b => b.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return n is null ? null : Of(nominationId, n.Status, n.CreatedAt, n.LastChange, n.ProvinceCode, n.Branch, role, clock, l);
    }

    public static NextStepView? Of(
        int nominationId, NominationStatus status, DateTimeOffset created, DateTimeOffset? lastChange, string provinceCode, string? branchName, string? role, TimeProvider clock, IStringLocalizer l)
    {
        var step = NominationNextStep.Of(status, created, lastChange, clock.GetUtcNow(), provinceCode, role);
        if (step is null)
        {
            return null;
        }

        var what = What(step, status, branchName, l);
        var since = LocalTime.FormatDate(ProvinceTime.Today(step.Since, provinceCode));
        var text = step.Days switch
        {
            0 => l["{0} sejak hari ini ({1}).", what, since].Value,
            1 => l["{0} sejak 1 hari ({1}).", what, since].Value,
            _ => l["{0} sejak {1} hari ({2}).", what, step.Days.ToString("N0"), since].Value,
        };
        return new NextStepView(nominationId, step, text, step.ViewerActs ? YourTurn(step, l) : null);
    }

    private static string What(NextStep step, NominationStatus status, string? branchName, IStringLocalizer l) => step.Action switch
    {
        NominationAction.Submit when status == NominationStatus.Returned => l["Menunggu perbaikan dan pengajuan kembali oleh tim panitia"],
        NominationAction.Submit => l["Menunggu diajukan untuk verifikasi oleh tim panitia"],
        NominationAction.Verify => branchName is null ? l["Menunggu verifikasi kantor cabang"] : l["Menunggu verifikasi {0}", branchName],
        NominationAction.StartFieldAssessment => l["Menunggu dimulainya penilaian lapangan oleh tim panitia"],
        NominationAction.MarkReadyForScoring => l["Menunggu penilaian lapangan selesai dan ditandai siap dinilai oleh tim panitia"],
        NominationAction.MarkScored => l["Menunggu kartu nilai para penilai, lalu ditandai sudah dinilai oleh Ketua Tim Panitia"],
        NominationAction.DecideFinalist => l["Menunggu keputusan rapat pleno yang dipimpin Ketua Tim Panitia"],
        NominationAction.Forward => l["Menunggu diteruskan ke tingkat nasional oleh Ketua Tim Panitia"],
        _ => l["Menunggu keputusan tingkat nasional, dicatat oleh administrator"],
    };

    private static string YourTurn(NextStep step, IStringLocalizer l) => step.Action switch
    {
        NominationAction.DecideFinalist => l["Giliran Anda: putuskan pada halaman rapat pleno."],
        NominationAction.MarkReadyForScoring => l["Giliran Anda: selesaikan atau kesampingkan semua butir pembinaan, lalu tandai siap dinilai."],
        _ => l["Giliran Anda: langkahnya ada di bawah ini."],
    };
}
