using Paritrana.Web.Features.National;

namespace Paritrana.Web.Data;

/// <summary>
/// The national interviews of the demo's 2021 cycle (issue 17, point 3; docs/decisions/046): Bali's three
/// forwarded finalists, scheduled by the secretariat through <see cref="InterviewSchedule"/> as on its
/// page, before the jury of Dr. Sri Juri and Andi Juri (Prof. Ketut Juri comes from Bali and does not
/// sit with a Bali candidate).
/// </summary>
public sealed partial class DemoAwardSeeder
{
    private static readonly (string Name, string Starts, int Minutes, string? Place, string? Video, string Presenter, string Position)[] Interviews =
    [
        ("Pemerintah Provinsi Bali", "2021-10-11 09:00", 60, "Ruang Rapat Utama Kemnaker, Jakarta", null,
            "I Gede Demo Saputra", "Kepala Dinas Tenaga Kerja dan ESDM Provinsi Bali, mewakili Gubernur Bali"),
        ("Bank BPD Bali", "2021-10-11 10:30", 45, null, "https://vidcon.kemnaker.go.id/paritrana-2021",
            "Ni Made Demo Lestari", "Direktur Utama"),
        ("KAPIT MAS", "2021-10-11 13:00", 45, "Ruang Rapat Utama Kemnaker, Jakarta", "https://vidcon.kemnaker.go.id/paritrana-2021",
            "Komang Demo Wirawan", "Ketua Pengurus"),
    ];

    private async Task SeedInterviewsAsync(int cycleId, CancellationToken ct)
    {
        // Once only; and a history closed by an earlier start (an older demo) gets none, as it got no national stage.
        if (await db.Interviews.AnyAsync(i => i.CycleId == cycleId, ct) || await db.AwardCycles.AnyAsync(c => c.Id == cycleId && c.IsClosed, ct))
        {
            return;
        }

        var pool = await NationalPool.Of(db, cycleId).AsNoTracking().Select(n => new { n.Id, n.Organisation!.Name }).ToListAsync(ct);
        var jury = await db.Users.Where(u => u.Email == "juri2@paritrana.demo" || u.Email == "juri3@paritrana.demo").Select(u => u.Id).ToListAsync(ct);
        foreach (var plan in Interviews)
        {
            if (pool.FirstOrDefault(n => n.Name == plan.Name) is not { } finalist)
            {
                continue;
            }

            var act = await actor.AsAsync(DemoSeeder.Accounts[0].Email, _calendar.Wib("2021-09-20 10:00"));
            var candidate = await act.Interviews.CandidateAsync(finalist.Id, ct)
                ?? throw new InvalidOperationException($"Demo interview: {plan.Name} is not in the national pool.");
            var outcome = await act.Interviews.ScheduleAsync(candidate,
                new InterviewPlan(_calendar.Wib(plan.Starts), plan.Minutes, plan.Place, plan.Video, plan.Presenter, plan.Position, jury), ct);
            if (!outcome.Saved)
            {
                throw new InvalidOperationException($"Demo interview of {plan.Name} refused: {string.Join("; ", outcome.Errors.Select(e => e.Message))}");
            }

            db.ChangeTracker.Clear();
        }
    }
}
