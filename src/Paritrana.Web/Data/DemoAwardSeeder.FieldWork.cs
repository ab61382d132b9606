using Paritrana.Web.Data.Demo;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Data;

/// <summary>
/// The field work of the current cycle on Kota Denpasar, the nomination in field assessment: a visit
/// done 47 days before the demo's first start with its findings, two coaching items from it (one resolved, one still open and long
/// past its due date, so the overdue list and the coaching gate before "ready for scoring" show
/// it) and a follow-up visit planned. Visits are stored as the visit pages store them: the time the
/// committee typed in Bali (WITA), in UTC. Each record is looked up by its nomination and its text.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    public const string DoneVisitPurpose =
        "Memeriksa pelaksanaan Perwali Nomor 18 Tahun 2022, DPA bantuan iuran 2024 dan layanan BPJamsostek di Mal Pelayanan Publik.";

    public const string PlannedVisitPurpose =
        "Memeriksa tindak lanjut butir pembinaan: rancangan surat edaran wali kota tentang syarat kepesertaan dalam perizinan dan pengadaan.";

    public const string ResolvedFinding =
        "Daftar pegawai non-ASN yang didaftarkan belum dirinci per perangkat daerah; selisih 180 orang dengan data kepegawaian.";

    public const string OpenFinding =
        "Perwali Nomor 18 Tahun 2022 belum mensyaratkan kepesertaan BPJamsostek dalam perizinan usaha dan pengadaan barang/jasa.";

    /// <summary>The note of the resolved item: the day it was resolved, and the cycle's year (outside the assessed year).</summary>
    public static string ResolutionNote(DemoCalendar calendar) => string.Create(
        CultureInfo.GetCultureInfo("id-ID"),
        $"Rekapitulasi per perangkat daerah diterima {calendar.Day(-34):d MMMM yyyy}; selisih 180 orang adalah pegawai kontrak yang mulai bekerja Januari {calendar.CurrentYear}, di luar tahun penilaian.");

    /// <summary>The due dates of the resolved and the open coaching item, in days from the demo's first start.</summary>
    public const int ResolvedItemDueDay = -32;

    public const int OpenItemDueDay = -11;

    /// <summary>The follow-up visit lies this many days after the day of seeding, at 09:00 WITA.</summary>
    public const int PlannedVisitDaysAhead = 14;

    private async Task SeedFieldWorkAsync(int cycleId, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycleId && n.RegencyCode == "51.71" && n.Organisation!.Type == OrganisationType.Government)
            .Select(n => new { n.Id, n.ProvinceCode, n.RegencyCode })
            .SingleAsync(ct);
        var users = await LoadUsersAsync(ct);
        var chair = users[ChairBali].Id;
        var member = users[MemberBali].Id;
        var newVisits = new List<Visit>();
        var newItems = new List<CoachingItem>();
        var visits = await db.Visits.Where(v => v.NominationId == nomination.Id).ToListAsync(ct);
        var items = await db.CoachingItems.AsNoTracking().Where(c => c.NominationId == nomination.Id).Select(c => c.Finding).ToListAsync(ct);

        var done = visits.FirstOrDefault(v => v.Purpose == DoneVisitPurpose);
        if (done is null)
        {
            done = new Visit
            {
                NominationId = nomination.Id,
                ProvinceCode = nomination.ProvinceCode,
                RegencyCode = nomination.RegencyCode,
                PlannedAt = _calendar.Wita(-47, 9, 0),
                Place = "Kantor Dinas Ketenagakerjaan Kota Denpasar dan Mal Pelayanan Publik Kota Denpasar",
                Purpose = DoneVisitPurpose,
                ExternalParticipants = "Perwakilan serikat pekerja Kota Denpasar; Apindo Bali",
                Status = VisitStatus.Done,
                DoneAt = _calendar.Wita(-47, 9, 0),
                Findings = "Perwali berlaku dan bantuan iuran 2024 tersalurkan bagi 36.000 pekerja rentan. Layanan pendaftaran di Mal Pelayanan Publik " +
                    "berjalan setiap hari kerja. Rincian kepesertaan pegawai non-ASN per perangkat daerah belum tersedia; perizinan dan pengadaan belum " +
                    "mensyaratkan kepesertaan.",
                DocumentsChecked = "Perwali Nomor 18 Tahun 2022; DPA bantuan iuran 2024; daftar penerima bantuan iuran; rekap kepesertaan non-ASN dari BPJamsostek.",
                InterviewNotes = "Kepala dinas menjelaskan rencana surat edaran wali kota tentang syarat kepesertaan dalam perizinan; belum ada jadwal penerbitan.",
                CreatedBy = member,
                CreatedAt = _calendar.Wita(-56, 10, 0),
                UpdatedAt = _calendar.Wita(-47, 15, 30),
                Members = [new VisitMember { UserId = chair }, new VisitMember { UserId = member }],
            };
            db.Visits.Add(done);
            await db.SaveChangesAsync(ct);
            newVisits.Add(done);
        }

        if (!items.Contains(ResolvedFinding))
        {
            newItems.Add(new CoachingItem
            {
                NominationId = nomination.Id,
                ProvinceCode = nomination.ProvinceCode,
                RegencyCode = nomination.RegencyCode,
                VisitId = done.Id,
                Finding = ResolvedFinding,
                Recommendation = "Lampirkan rekapitulasi kepesertaan pegawai non-ASN per perangkat daerah dari BPJamsostek per 31 Desember 2024.",
                ResponsiblePerson = "Sekretaris Dinas Ketenagakerjaan Kota Denpasar",
                DueDate = _calendar.Day(ResolvedItemDueDay),
                Status = CoachingStatus.Resolved,
                ResolutionNote = ResolutionNote(_calendar),
                ResolvedAt = _calendar.Wita(-34, 10, 15),
                ResolvedBy = member,
                CreatedBy = member,
                CreatedAt = _calendar.Wita(-46, 9, 0),
                UpdatedAt = _calendar.Wita(-34, 10, 15),
            });
        }

        if (!items.Contains(OpenFinding))
        {
            newItems.Add(new CoachingItem
            {
                NominationId = nomination.Id,
                ProvinceCode = nomination.ProvinceCode,
                RegencyCode = nomination.RegencyCode,
                VisitId = done.Id,
                Finding = OpenFinding,
                Recommendation = "Terbitkan surat edaran wali kota tentang syarat kepesertaan dalam perizinan dan pengadaan, dan lampirkan salinannya.",
                ResponsiblePerson = "Kepala Dinas Ketenagakerjaan Kota Denpasar",
                DueDate = _calendar.Day(OpenItemDueDay),
                Status = CoachingStatus.Open,
                CreatedBy = member,
                CreatedAt = _calendar.Wita(-46, 9, 10),
                UpdatedAt = _calendar.Wita(-46, 9, 10),
            });
        }

        if (!visits.Any(v => v.Purpose == PlannedVisitPurpose))
        {
            // Upcoming on the agenda whenever the demo is seeded: planned now, for two weeks ahead.
            var day = ProvinceTime.Today(_now, nomination.ProvinceCode).AddDays(PlannedVisitDaysAhead);
            newVisits.Add(new Visit
            {
                NominationId = nomination.Id,
                ProvinceCode = nomination.ProvinceCode,
                RegencyCode = nomination.RegencyCode,
                PlannedAt = ProvinceTime.FromLocal(day.ToDateTime(new TimeOnly(9, 0)), nomination.ProvinceCode),
                Place = "Kantor Dinas Ketenagakerjaan Kota Denpasar",
                Purpose = PlannedVisitPurpose,
                CreatedBy = member,
                CreatedAt = _now,
                UpdatedAt = _now,
                Members = [new VisitMember { UserId = member }],
            });
            db.Visits.Add(newVisits[^1]);
        }

        db.CoachingItems.AddRange(newItems);
        await db.SaveChangesAsync(ct);

        // The audit events the visit and coaching pages write for the same steps, taken by the member
        // at the times the records carry; the timeline reads the planned time, the visit done and the
        // resolution from them. The resolved item went from open to resolved in one step.
        foreach (var visit in newVisits)
        {
            var key = Key(visit.Id);
            await AuditAsync(AuditActions.VisitPlanned, NominationTimeline.VisitEntity, key, visit.ProvinceCode,
                FieldWorkAudit.VisitPlanned(visit.NominationId, visit.PlannedAt, visit.Members.Count, visit.Place), MemberBali, visit.CreatedAt);
            if (visit.DoneAt is DateTimeOffset doneAt)
            {
                await AuditAsync(AuditActions.VisitDone, NominationTimeline.VisitEntity, key, visit.ProvinceCode, FieldWorkAudit.VisitDone(doneAt), MemberBali, visit.UpdatedAt);
            }
        }

        foreach (var item in newItems)
        {
            var key = Key(item.Id);
            await AuditAsync(AuditActions.CoachingCreated, NominationTimeline.CoachingEntity, key, item.ProvinceCode,
                FieldWorkAudit.CoachingCreated(item.NominationId, item.VisitId, item.DueDate, item.Finding), MemberBali, item.CreatedAt);
            if (item.ResolvedAt is DateTimeOffset resolvedAt)
            {
                await AuditAsync(AuditActions.CoachingResolved, NominationTimeline.CoachingEntity, key, item.ProvinceCode,
                    FieldWorkAudit.CoachingChanged(CoachingStatus.Open, CoachingStatus.Resolved, "note", item.ResolutionNote), MemberBali, resolvedAt);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
