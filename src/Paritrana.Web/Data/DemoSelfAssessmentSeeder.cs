using System.Text;
using Paritrana.Domain.Candidates;
using Paritrana.Web.Data.Demo;
using Paritrana.Web.Features.Candidates;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure.Files;

namespace Paritrana.Web.Data;

/// <summary>
/// The demo's self-assessments (issue 18, docs/decisions/051), made through <see cref="SelfAssessmentService"/>
/// as the representatives and the committee would (ADR 034): Kota Denpasar's representative has a draft
/// half done (its coverage figures and one document, no list entry yet; the Nomination stage has ended,
/// so the page tells them it can no longer be sent); KAPIT MAS's representative sent theirs during the
/// Nomination stage and Bali's committee returned it once, with reasons and a date to send it again.
/// </summary>
public sealed class DemoSelfAssessmentSeeder(ParitranaDbContext db, DemoActor actor, TimeProvider clock)
{
    public const string Denpasar = "kandidat.denpasar@paritrana.demo";
    public const string KapitMas = "kandidat.kapitmas@paritrana.demo";
    public const string ReturnReason = "Angka peserta BPU tidak sesuai dengan data kantor cabang; lampirkan daftar pekerja per Desember dan kirim ulang.";

    /// <summary>A tiny PDF, accepted by the portal's upload checks like any scanned letter.</summary>
    private static readonly byte[] Letter = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.SelfAssessments.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var denpasar = await CurrentNominationAsync("Pemerintah Kota Denpasar", ct);
        var kapitMas = await CurrentNominationAsync("KAPIT MAS", ct);
        if (denpasar is null || kapitMas is null)
        {
            return;
        }

        // Kota Denpasar: the figures saved two days ago, one document; no regulation, budget or innovation yet.
        var d = await actor.SelfAssessmentsAsync(Denpasar, now.AddDays(-2));
        var n = await d.CandidateNominationAsync(denpasar.Value, ct) ?? throw new InvalidOperationException("Demo: Kota Denpasar's nomination is not its representative's.");
        Check(await d.SaveFiguresAsync(n, new NominationFigures { IsGovernment = true, WorkforceBps = 512_400, ProtectedPu = 171_200, ProtectedBpu = 46_900, NonAsnWorkers = 3_100, NonAsnCovered = 2_950 },
            new ProtectedGroups(VillageOfficials: 1_150, CustomaryOfficials: 1_320, ReligiousWorkers: null, FarmersAndFishers: null), 0, ct));
        await using (var staged = await StagedUpload.StageAsync(new MemoryStream(Letter), EvidenceOptions.DefaultMaxFileBytes, ct))
        {
            Check(await d.AddDocumentAsync(n, staged, FileKind.Pdf, "perwali-18-2022.pdf", "Perwali Nomor 18 Tahun 2022", ct));
        }

        db.ChangeTracker.Clear();

        // KAPIT MAS: sent in the Nomination stage, returned by Bali's chair three days ago.
        var stageEnds = await db.CycleStages.Where(s => s.Stage == StageKind.Nomination && db.Nominations.Any(x => x.Id == kapitMas.Value && x.CycleId == s.CycleId))
            .Select(s => s.EndsOn).SingleAsync(ct);
        var sentAt = stageEnds is DateOnly ends ? new DateTimeOffset(ends.AddDays(-5).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero) : now.AddDays(-10);
        var k = await actor.SelfAssessmentsAsync(KapitMas, sentAt.AddHours(-2));
        var m = await k.CandidateNominationAsync(kapitMas.Value, ct) ?? throw new InvalidOperationException("Demo: KAPIT MAS's nomination is not its representative's.");
        Check(await k.SaveFiguresAsync(m, new NominationFigures
        {
            FiguresAsOf = new DateOnly(m.Year - 1, 12, 31),
            Workers = 240,
            ParticipantsPu = 180,
            ParticipantsBpu = 60,
            Programs = Programs.All,
            ArrearsMonths = 0,
            VendorCount = 12,
            VendorsRegistered = 9,
            CsrDescription = "Iuran BPU untuk 60 pedagang pasar mitra koperasi.",
            CsrAmount = 43_200_000m,
        }, new ProtectedGroups(null, null, null, null), 0, ct));
        db.ChangeTracker.Clear();
        k = await actor.SelfAssessmentsAsync(KapitMas, sentAt);
        Check(await k.SubmitAsync(m, ct));
        db.ChangeTracker.Clear();
        var chair = await actor.SelfAssessmentsAsync("ketua.bali@paritrana.demo", now.AddDays(-3));
        Check(await chair.ReturnAsync(kapitMas.Value, ReturnReason, Wib.Today(clock).AddDays(11), ct));
        db.ChangeTracker.Clear();
    }

    private Task<int?> CurrentNominationAsync(string organisation, CancellationToken ct) =>
        db.Nominations.Where(n => n.Organisation!.Name == organisation && db.AwardCycles.Any(c => c.Id == n.CycleId && c.IsCurrent))
            .Select(n => (int?)n.Id).SingleOrDefaultAsync(ct);

    private static void Check(SelfAssessmentOutcome outcome)
    {
        if (!outcome.Done)
        {
            throw new InvalidOperationException($"Demo self-assessment step refused: {outcome.Message}");
        }
    }
}
