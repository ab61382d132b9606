using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Data;

/// <summary>
/// Bali's 2021 scoring and plenary, behind the finalists of the seed articles: the template
/// criteria of the four categories used (locked, as the first card locks them), the three default
/// rounds (closed), the chair and the member assigned to every nomination in every round, their
/// submitted cards with scores, comments and strengths (as <see cref="ScorecardService"/> stores
/// them, with the score history), and the plenary with one decision per nomination and its frozen
/// official record. The totals and ranks of the decisions are not written here: they are read back
/// from <see cref="DecisionSnapshots.OfficialShortlistAsync"/>, the portal's own arithmetic, the
/// choice of finalists passes <see cref="FinalistSelection"/>, and the record is made by
/// <see cref="DecisionSnapshots.IssueAsync"/> as the plenary page makes it, as of 25 June 2021.
/// Seeded only while the province has neither rounds nor a plenary in 2021.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    public const string HistoryProvince = "51";
    public const string PlenaryPlace = "Wiswa Sabha Pratama, Kantor Gubernur Bali, Denpasar";
    public static readonly DateOnly PlenaryHeldOn = new(2021, 6, 25);

    public const string PlenaryDecision =
        "Menetapkan Pemerintah Provinsi Bali (Pemerintah Provinsi), Bank BPD Bali (Perusahaan Besar) dan KAPIT MAS (Perusahaan Menengah) " +
        "sebagai finalis Provinsi Bali dan meneruskannya ke tingkat nasional.";

    public const string DenpasarRationale =
        "Pemerintah Kota Denpasar berada di peringkat pertama kategorinya, tetapi kewajiban kepesertaan dalam perizinan dan pengadaan " +
        "belum diatur dan dasar hukumnya baru surat edaran. Pleno sepakat membina Kota Denpasar untuk diusulkan kembali pada siklus berikutnya.";

    private const string PlenaryMinutes =
        "Rapat pleno membahas hasil tiga babak penilaian (Penilaian Dokumen 40 %, Kunjungan Lapangan 35 %, Wawancara 25 %) atas enam nominasi " +
        "dalam empat kategori. Peringkat tiap kategori dibacakan dari daftar pendek; tidak ada nilai sama. Pada kategori pemerintah kabupaten/kota, " +
        "Pemerintah Kota Denpasar belum diteruskan (lihat alasan pada kategori itu). Finalis diteruskan ke tingkat nasional paling lambat 5 Juli 2021.";

    private static readonly string[] GovernmentLevels = ["REG1", "REG2", "REG3", "ANG1", "ANG2", "INO1", "INO2"];
    private static readonly string[] GovernmentInterview = ["WAW1", "WAW2", "WAW3"];
    private static readonly string[] CompanyLevels = ["KEP3", "KEP4", "DIG1", "DIG4", "DIG5"];
    private static readonly string[] CompanyInterview = ["WAW1", "WAW2"];

    /// <summary>
    /// One 2021 candidate and what its scorers gave. Levels (1–5) follow <see cref="GovernmentLevels"/>
    /// or <see cref="CompanyLevels"/> and the interview ones <see cref="GovernmentInterview"/> or
    /// <see cref="CompanyInterview"/>; the 0–100 indicators and the programmes level (KEP2) are read
    /// from the nomination's own figures, the same for both scorers. The member comments on the
    /// documents, the chair on the visit and the interview and writes the strengths of each round.
    /// </summary>
    private sealed record HistoryCandidate(
        string CategoryCode,
        Func<Organisation, bool> Organisation,
        bool Finalist,
        DateOnly InterviewDay,
        int[] DocumentsChair,
        int[] DocumentsMember,
        int[] FieldChair,
        int[] FieldMember,
        int[] InterviewChair,
        int[] InterviewMember,
        (string Code, string Text)[] DocumentsComments,
        (string Code, string Text)[] FieldComments,
        (string Code, string Text)[] InterviewComments,
        string[] Strengths);

    private static readonly IReadOnlyList<HistoryCandidate> HistoryCandidates =
    [
        new("PEMPROV", Government("51"), true, new(2021, 6, 15),
            [5, 4, 3, 5, 4, 4, 5], [5, 4, 4, 5, 4, 4, 4], [5, 4, 4, 5, 5, 4, 5], [5, 5, 4, 5, 4, 5, 5], [3, 5, 4], [3, 4, 4],
            [
                ("REG1", "Pergub Nomor 12 Tahun 2020 berlaku dan mewajibkan perangkat daerah mendorong kepesertaan."),
                ("ANG2", "Bantuan iuran APBD 2020 sebesar Rp9,5 miliar bagi 62.000 pekerja rentan."),
                ("KIN2", "Cakupan BPU masih rendah dibanding jumlah pekerja informal."),
            ],
            [
                ("REG3", "Syarat kepesertaan dalam perizinan baru berlaku untuk sebagian jenis izin."),
                ("INO2", "Kerja sama dengan desa adat terlihat di lapangan: prajuru terdaftar sebagai peserta BPU."),
            ],
            [("WAW1", "Gubernur diwakili Kepala Dinas Tenaga Kerja dan ESDM (pejabat eselon II).")],
            [
                "Regulasi dan anggaran APBD bagi pekerja rentan sudah berjalan; dokumen lengkap dan rapi.",
                "Perlindungan prajuru dan pekerja informal desa adat berjalan nyata.",
                "Komitmen kuat menjaga kepesertaan pekerja pariwisata yang terdampak pandemi.",
            ]),
        new("PEMKAB", Government("51.71"), false, new(2021, 6, 15),
            [3, 4, 2, 4, 4, 4, 5], [3, 4, 2, 4, 3, 4, 5], [3, 4, 2, 4, 4, 5, 5], [4, 4, 2, 4, 4, 4, 5], [3, 4, 4], [3, 4, 3],
            [
                ("REG1", "Baru berupa surat edaran wali kota; belum ada peraturan wali kota."),
                ("REG3", "Belum ada syarat kepesertaan dalam perizinan usaha maupun pengadaan barang/jasa."),
            ],
            [
                ("ANG2", "Bantuan iuran bagi pengurus desa adat dianggarkan dalam APBD 2020."),
                ("INO2", "Lebih dari seribu pengurus desa adat sudah terlindungi."),
            ],
            [("WAW1", "Wali kota diwakili Sekretaris Daerah.")],
            [
                "Perlindungan pengurus desa adat menjadi unggulan kota.",
                "Data kepesertaan pegawai non-ASN tersedia per perangkat daerah.",
                "Paparan jelas; dasar hukum perlu diperkuat dengan peraturan wali kota.",
            ]),
        new("BESAR", EmployerWith(BankBpdBaliNpp), true, new(2021, 6, 16),
            [5, 5, 5, 4, 5], [4, 5, 5, 4, 5], [5, 5, 5, 5, 5], [5, 5, 5, 4, 5], [5, 5], [4, 5],
            [
                ("KEP1", "Seluruh 2.080 pekerja terdaftar."),
                ("DIG5", "CSR bantuan iuran bagi 900 pedagang pasar tradisional."),
            ],
            [
                ("KEP3", "Daftar upah sampel sesuai dengan upah yang dilaporkan."),
                ("DIG4", "35 dari 38 vendor terdaftar; tiga vendor kecil sedang diproses."),
            ],
            [("WAW2", "Direksi hadir langsung dan menyampaikan target kepesertaan vendor.")],
            [
                "Kepatuhan penuh pada seluruh program dan pelaporan upah.",
                "Pengelolaan data pekerja dan pelaporan melalui SIPP tertib.",
                "Komitmen pimpinan tinggi, termasuk perlindungan pekerja rentan melalui CSR.",
            ]),
        new("BESAR", EmployerWith(JayaMerthaMedikaNpp), false, new(2021, 6, 16),
            [4, 4, 4, 3, 2], [3, 4, 4, 3, 2], [3, 4, 4, 3, 2], [3, 4, 4, 3, 3], [4, 4], [4, 3],
            [
                ("KEP1", "Sekitar 22 % pekerja, terutama tenaga kontrak, belum terdaftar."),
                ("KEP2", "Belum mengikuti program JP."),
            ],
            [
                ("KEP3", "Upah sebagian tenaga kontrak dilaporkan di bawah upah sebenarnya."),
                ("DIG4", "Baru 15 dari 24 vendor terdaftar."),
            ],
            [("WAW1", "Pemahaman program baik, tetapi rencana pendaftaran tenaga kontrak belum jelas.")],
            [
                "Pelaporan rutin melalui SIPP.",
                "Klinik perusahaan membantu penanganan kecelakaan kerja.",
                "Bersedia mendaftarkan tenaga kontrak pada tahun berjalan.",
            ]),
        new("MENENGAH", EmployerWith(KapitMasNpp), true, new(2021, 6, 16),
            [5, 5, 4, 4, 4], [5, 5, 4, 5, 4], [5, 5, 5, 4, 4], [5, 5, 4, 4, 5], [4, 5], [5, 5],
            [
                ("KEP1", "Seluruh 158 pekerja terdaftar."),
                ("DIG5", "Pemasok kecil dan pekerja lepas mitra usaha didaftarkan sebagai peserta BPU."),
            ],
            [
                ("KEP4", "Iuran dibayar tepat waktu sepanjang 2020."),
                ("DIG1", "Seluruh pelaporan melalui SIPP."),
            ],
            [("WAW1", "Pimpinan dan bagian personalia memahami manfaat setiap program.")],
            [
                "Kepatuhan penuh pada seluruh program untuk usaha menengah.",
                "Kepedulian terhadap pemasok kecil dan pekerja lepas mitra usaha.",
                "Pimpinan berencana memperluas perlindungan bagi mitra usaha.",
            ]),
        new("MENENGAH", EmployerWith(MandalaSegaraKargoNpp), false, new(2021, 6, 16),
            [4, 4, 4, 3, 2], [3, 4, 4, 3, 3], [3, 4, 4, 3, 2], [4, 4, 4, 3, 2], [4, 4], [3, 4],
            [
                ("KEP1", "Sekitar 22 % pekerja, sopir dan kernet harian, belum terdaftar."),
                ("KEP4", "Tunggakan iuran satu bulan pada akhir 2020."),
            ],
            [
                ("DIG4", "Baru 5 dari 9 vendor angkutan terdaftar."),
                ("DIG5", "Belum ada program CSR bagi pekerja rentan."),
            ],
            [("WAW1", "Pemahaman program cukup; sopir perlu sosialisasi aplikasi JMO.")],
            [
                "Kelima program diikuti bagi pekerja tetap.",
                "Pencatatan kecelakaan kerja di gudang rapi.",
                "Bersedia menyelesaikan tunggakan dan mendaftarkan pekerja harian.",
            ]),
    ];

    private static Func<Organisation, bool> Government(string region) => o => IsGovernmentOf(o, region);

    private static Func<Organisation, bool> EmployerWith(string npp) => o => o.Npp == npp;

    /// <summary>The plenary's rationale per category code, where the choice departs from the ranking.</summary>
    private static readonly IReadOnlyDictionary<string, string> HistoryRationales = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PEMKAB"] = DenpasarRationale,
    };

    /// <summary>The 2021 candidates with their nominations, once their cards are seeded.</summary>
    private sealed record HistoryScoring(List<(HistoryCandidate Candidate, Nomination Nomination)> Candidates, DemoUser Chair, DemoUser Member);

    /// <summary>Bali's 2021 criteria, rounds, assignments and cards; null when the province has rounds or a plenary already.</summary>
    private async Task<HistoryScoring?> SeedHistoryScoringAsync(int cycleId, CancellationToken ct)
    {
        if (await db.ScoringRounds.AnyAsync(r => r.CycleId == cycleId && r.ProvinceCode == HistoryProvince, ct)
            || await db.Plenaries.AnyAsync(p => p.CycleId == cycleId && p.ProvinceCode == HistoryProvince, ct))
        {
            return null;
        }

        var users = await LoadUsersAsync(ct);
        var chair = users[ChairBali];
        var member = users[MemberBali];
        var nominations = await db.Nominations.AsNoTracking().Include(n => n.Organisation).Include(n => n.Category)
            .Where(n => n.CycleId == cycleId && n.ProvinceCode == HistoryProvince)
            .ToListAsync(ct);
        var candidates = HistoryCandidates
            .Select(c => (Candidate: c, Nomination: nominations.Single(n => n.Category!.Code == c.CategoryCode && c.Organisation(n.Organisation!))))
            .ToList();

        // Set by the administrator two weeks before the rounds opened; locked by the first card.
        var sets = await TemplateCriteriaAsync(cycleId, candidates.Select(c => c.Nomination.Category!).DistinctBy(c => c.Id).ToList(), Utc(2021, 5, 10, 10, 0), ct);
        foreach (var set in sets.Values)
        {
            set.IsLocked = true;
        }

        await db.SaveChangesAsync(ct);
        var rounds = DefaultRounds(cycleId, kind => HistoryPeriods[kind]);
        db.ScoringRounds.AddRange(rounds);
        await db.SaveChangesAsync(ct);

        var cards = new List<(Scorecard Card, DemoUser Scorer)>();
        for (var index = 0; index < candidates.Count; index++)
        {
            var (candidate, nomination) = candidates[index];
            var set = sets[nomination.CategoryId];
            var sameDay = candidates.Take(index).Count(c => c.Candidate.InterviewDay == candidate.InterviewDay);
            foreach (var round in rounds)
            {
                foreach (var scorer in new[] { chair, member })
                {
                    db.Assignments.Add(new Assignment
                    {
                        RoundId = round.Id, NominationId = nomination.Id, ScorerId = scorer.Id, AssignedBy = chair.Id, AssignedAt = round.OpenedAt!.Value.AddHours(1),
                    });
                    var submittedAt = SubmittedAt(round.Kind, scorer == chair, index, candidate.InterviewDay, sameDay);
                    cards.Add((Card(round, nomination, set, candidate, scorer.Id, scorer == chair, submittedAt), scorer));
                }
            }
        }

        await SaveCardsAsync(cards, sets, ct);
        return new HistoryScoring(candidates, chair, member);
    }

    /// <summary>
    /// The plenary of 25 June 2021, its decisions and its official record, taken on the nominations
    /// as they then were: all scored. Ranks and totals come from the shortlist a decision is taken on
    /// (<see cref="DecisionSnapshots.OfficialShortlistAsync"/>), stored as <c>PlenaryDecisions.DecideAsync</c>
    /// stores them; the finalists of the seed articles must pass the portal's own check of the
    /// choice; the record (PRT-2021-51-001) is frozen by the same code as the plenary page's, with the
    /// committee of that day. The nominations' own steps (finalist, not shortlisted) follow.
    /// </summary>
    private async Task SeedHistoryPlenaryAsync(int cycleId, HistoryScoring history, CancellationToken ct)
    {
        var (candidates, chair, member) = history;
        var snapshots = new DecisionSnapshots(db);
        var shortlist = await snapshots.OfficialShortlistAsync(cycleId, HistoryProvince, ct);
        var finalists = candidates.Where(c => c.Candidate.Finalist).Select(c => c.Nomination.Id).ToHashSet();
        var decidedAt = Utc(2021, 6, 25, 15, 30);
        var plenary = new Plenary
        {
            CycleId = cycleId,
            ProvinceCode = HistoryProvince,
            HeldOn = PlenaryHeldOn,
            Place = PlenaryPlace,
            Attendees = $"{chair.FullName}; {member.FullName}; Dinas Tenaga Kerja dan ESDM Provinsi Bali; BPJAMSOSTEK Kantor Wilayah Banuspa; " +
                "BPJAMSOSTEK Kantor Cabang Denpasar dan Gianyar; perwakilan serikat pekerja dan Apindo Bali",
            Minutes = PlenaryMinutes,
            Decision = PlenaryDecision,
            DecidedAt = decidedAt,
            DecidedBy = chair.Id,
        };
        db.Plenaries.Add(plenary);
        await db.SaveChangesAsync(ct);
        // Recorded and decided in one step, as PlenaryDecisions.DecideAsync does.
        await AuditAsync(AuditActions.PlenaryRecorded, "plenary", PlenaryDecisions.PlenaryKey(cycleId, HistoryProvince), HistoryProvince,
            PlenaryDecisions.PlenaryRecordedDetails(plenary.HeldOn, plenary.Place), ChairBali, decidedAt);
        var decided = new List<int>();

        foreach (var category in shortlist.Categories.Where(c => c.Rows.Count > 0))
        {
            var rows = category.Rows;
            var chosen = rows.Where(r => finalists.Contains(r.NominationId)).Select(r => r.NominationId).ToList();
            var rationale = HistoryRationales.GetValueOrDefault(category.Code);
            if (FinalistSelection.Check(rows, chosen, rationale) is { } problem)
            {
                throw new InvalidOperationException($"Demo plenary 2021, category {category.Code}: the finalists of the seed articles are refused: {problem}");
            }

            foreach (var row in rows)
            {
                decided.Add(row.NominationId);
                db.FinalistDecisions.Add(new FinalistDecision
                {
                    PlenaryId = plenary.Id,
                    NominationId = row.NominationId,
                    IsFinalist = finalists.Contains(row.NominationId),
                    Rank = row.Rank == 0 ? null : row.Rank,
                    Total = row.Total is decimal t ? Math.Round(t, 4, MidpointRounding.AwayFromZero) : null,
                    Rationale = rationale,
                    DecidedAt = decidedAt,
                    DecidedBy = chair.Id,
                });
            }
        }

        await AuditAsync(AuditActions.FinalistsDecided, "plenary", Key(plenary.Id), HistoryProvince,
            PlenaryDecisions.FinalistsDecidedDetails(decided.Where(finalists.Contains), decided.Count), ChairBali, decidedAt);
        var rationales = shortlist.Categories.ToDictionary(c => c.CategoryId, c => HistoryRationales.GetValueOrDefault(c.Code));
        var issued = await snapshots.IssueAsync(
            plenary, DecisionSnapshots.AsDecided(shortlist, decided.ToHashSet(), finalists), new DecisionMoment(decidedAt, chair.Id, chair.FullName, rationales), ct);
        await AuditAsync(AuditActions.DecisionDocumentIssued, "plenary", Key(plenary.Id), HistoryProvince, DecisionSnapshots.IssuedDetails(issued), ChairBali, decidedAt);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The finalists went to the national level with one "forward" (PlenaryDecisions.ForwardAsync):
    /// its event is at the last of their forwarding steps, when all of them had been forwarded.
    /// </summary>
    private async Task RecordHistoryForwardingAsync(int cycleId, CancellationToken ct)
    {
        var plenaryId = await db.Plenaries.Where(p => p.CycleId == cycleId && p.ProvinceCode == HistoryProvince).Select(p => p.Id).SingleAsync(ct);
        var forwarded = await db.StatusChanges.AsNoTracking()
            .Where(s => s.Action == NominationAction.Forward && db.FinalistDecisions.Any(d => d.PlenaryId == plenaryId && d.NominationId == s.NominationId))
            .Select(s => new { s.NominationId, s.At })
            .ToListAsync(ct);
        if (forwarded.Count == 0)
        {
            return;
        }

        var forwardedIds = await db.FinalistDecisions.AsNoTracking().Where(d => d.PlenaryId == plenaryId && d.IsFinalist)
            .OrderBy(d => d.Id).Select(d => d.NominationId).ToListAsync(ct);
        await AuditAsync(AuditActions.FinalistsForwarded, "plenary", Key(plenaryId), HistoryProvince,
            PlenaryDecisions.FinalistsForwardedDetails(forwardedIds), ChairBali, forwarded.Max(f => f.At));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>When the default rounds of 2021 were opened and closed, in the scoring stage.</summary>
    private static readonly Dictionary<RoundKind, (DateTimeOffset? Opened, DateTimeOffset? Closed)> HistoryPeriods =
        new()
        {
            [RoundKind.Documents] = (Utc(2021, 5, 24, 8, 0), Utc(2021, 6, 4, 17, 0)),
            [RoundKind.FieldVisit] = (Utc(2021, 5, 31, 8, 0), Utc(2021, 6, 11, 17, 0)),
            [RoundKind.Interview] = (Utc(2021, 6, 14, 8, 0), Utc(2021, 6, 18, 12, 0)),
        };

    /// <summary>
    /// When a card was submitted: the member reads the documents first and the chair the day after;
    /// visit cards two candidates a day from 7 June; interview cards on the afternoon of the interview.
    /// </summary>
    private static DateTimeOffset SubmittedAt(RoundKind kind, bool byChair, int index, DateOnly interviewDay, int sameDay) => kind switch
    {
        RoundKind.Documents => (byChair ? Utc(2021, 5, 27, 10, 0) : Utc(2021, 5, 26, 15, 0)).AddDays(index),
        RoundKind.FieldVisit => Utc(2021, 6, 7, byChair ? 15 : 14, 0).AddDays(index / 2).AddHours(2 * (index % 2)),
        _ => Utc(interviewDay.Year, interviewDay.Month, interviewDay.Day, 16, byChair ? 10 : 0).AddMinutes(20 * sameDay),
    };

    /// <summary>One submitted card: the round's indicators scored, with its total as the card page computes and keeps it.</summary>
    private static Scorecard Card(ScoringRound round, Nomination nomination, CriteriaSet set, HistoryCandidate candidate, Guid scorerId, bool byChair, DateTimeOffset at)
    {
        var government = nomination.Category!.Kind.IsGovernment();
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var (levelCodes, levels) = round.Kind switch
        {
            RoundKind.Documents => (government ? GovernmentLevels : CompanyLevels, byChair ? candidate.DocumentsChair : candidate.DocumentsMember),
            RoundKind.FieldVisit => (government ? GovernmentLevels : CompanyLevels, byChair ? candidate.FieldChair : candidate.FieldMember),
            _ => (government ? GovernmentInterview : CompanyInterview, byChair ? candidate.InterviewChair : candidate.InterviewMember),
        };
        if (levelCodes.Length != levels.Length)
        {
            throw new InvalidOperationException($"Demo card of nomination {nomination.Id}, round {round.Name}: {levels.Length} levels for {levelCodes.Length} indicators.");
        }

        for (var i = 0; i < levels.Length; i++)
        {
            values[levelCodes[i]] = levels[i];
        }

        if (round.Kind != RoundKind.Interview)
        {
            foreach (var (code, value) in FromFigures(nomination))
            {
                values[code] = value;
            }
        }

        var comments = round.Kind switch
        {
            RoundKind.Documents when !byChair => candidate.DocumentsComments,
            RoundKind.FieldVisit when byChair => candidate.FieldComments,
            RoundKind.Interview when byChair => candidate.InterviewComments,
            _ => [],
        };
        return CardOf(round, nomination, set, scorerId, values, comments, byChair ? candidate.Strengths[round.SortOrder - 1] : null, submitted: true, at);
    }
}
