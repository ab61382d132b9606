namespace Paritrana.Web.Data;

/// <summary>
/// Bali's scoring of the current cycle in progress, where the rule of who sees whose scores can be
/// watched (docs/decisions/010): the criteria of every active category from the templates; the three
/// default rounds of Bali, "Penilaian Dokumen" open since 8 days before the demo's first start and the other two not yet
/// opened; the chair and the member assigned to the two nominations ready for scoring (Pemerintah
/// Provinsi Bali and Pemerintah Kabupaten Badung) in the open round; the chair's cards submitted, with
/// comments and strengths; the member's still drafts. Signed in as the member, the ranking, the
/// assessment sheets, the exports and the card page show neither the chair's figures nor comments;
/// signed in as the chair, they show. Seeded only while Bali has no round in the current cycle.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    public const string ChairProvinceStrengths =
        "Regulasi dan anggaran bagi pekerja rentan lengkap; kolaborasi dengan desa adat menjadi contoh bagi daerah lain.";

    public const string ChairBadungStrengths =
        "Perlindungan petani subak dan pemandu wisata lepas; perizinan pariwisata mensyaratkan kepesertaan.";

    /// <summary>One of the two cards of a 2025 nomination: levels of the documents round's level indicators, comments, strengths.</summary>
    private sealed record CurrentCard(bool Submitted, (int Days, int Hour, int Minute) At, (string Code, decimal Level)[] Levels, (string Code, string Text)[] Comments, string? Strengths);

    /// <summary>
    /// The two nominations being scored, by regency (null: the province), each with the chair's
    /// submitted card (the coverage indicators KIN1–KIN3 read off the nomination's figures) and the
    /// member's draft (only the first indicators scored).
    /// </summary>
    private static readonly IReadOnlyList<(string? Regency, CurrentCard Chair, CurrentCard Member)> CurrentCards =
    [
        (null,
            new(true, (-5, 15, 0),
                [("REG1", 5), ("REG2", 4), ("REG3", 3), ("ANG1", 4), ("ANG2", 5), ("INO1", 4), ("INO2", 5)],
                [
                    ("REG1", "Pergub Nomor 12 Tahun 2020 berlaku; Surat Edaran Nomor 2 Tahun 2024 memperluas perlindungan ke pegawai non-ASN."),
                    ("ANG2", "Bantuan iuran APBD 2024 sebesar Rp18,75 miliar bagi 110.000 pekerja rentan."),
                    ("INO2", "Kerja sama dengan Majelis Desa Adat: prajuru dan pecalang terdaftar sebagai peserta BPU."),
                ],
                ChairProvinceStrengths),
            new(false, (-6, 10, 0),
                [("REG1", 4), ("REG2", 4), ("ANG1", 4)],
                [("REG1", "Pergub ada; pelaksanaannya di kabupaten/kota perlu dicek.")],
                null)),
        ("51.03",
            new(true, (-4, 14, 0),
                [("REG1", 4), ("REG2", 3), ("REG3", 4), ("ANG1", 3), ("ANG2", 4), ("INO1", 5), ("INO2", 4)],
                [
                    ("REG3", "Perbup Nomor 25 Tahun 2021 mensyaratkan kepesertaan dalam perizinan usaha pariwisata."),
                    ("INO1", "Petani subak dan pemandu wisata lepas didaftarkan sebagai peserta BPU sejak 2024."),
                ],
                ChairBadungStrengths),
            new(false, (-5, 11, 30),
                [("REG1", 4), ("REG2", 3)],
                [],
                null)),
    ];

    private async Task SeedCurrentScoringAsync(int cycleId, CancellationToken ct)
    {
        // Set by the administrator two weeks before the scoring stage.
        var categories = await db.Categories.Where(c => c.CycleId == cycleId && c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var sets = await TemplateCriteriaAsync(cycleId, categories, _calendar.Wib(-22, 10, 0), ct);
        if (await db.ScoringRounds.AnyAsync(r => r.CycleId == cycleId && r.ProvinceCode == HistoryProvince, ct))
        {
            return;
        }

        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycleId && n.ProvinceCode == HistoryProvince && n.Status == NominationStatus.ReadyForScoring
                && n.Organisation!.Type == OrganisationType.Government)
            .ToListAsync(ct);
        var scored = CurrentCards
            .Select(c => (Cards: c, Nomination: nominations.SingleOrDefault(n => n.RegencyCode == c.Regency)))
            .Where(c => c.Nomination is not null)
            .ToList();
        if (scored.Count == 0)
        {
            // An older demo database whose nominations never reached scoring: leave Bali's 2025 unscored.
            return;
        }

        var users = await LoadUsersAsync(ct);
        var chair = users[ChairBali];
        var member = users[MemberBali];
        var opened = _calendar.Wib(-8, 8, 0);
        var rounds = DefaultRounds(cycleId, kind => (kind == RoundKind.Documents ? opened : null, null));
        db.ScoringRounds.AddRange(rounds);
        await db.SaveChangesAsync(ct);
        var round = rounds.Single(r => r.Status == RoundStatus.Open);
        await AuditAsync(AuditActions.RoundOpened, "scoring-round", Key(round.Id), HistoryProvince, AuditDetails.Text($"'{round.Name}'"), ChairBali, opened);

        var cards = new List<(Scorecard Card, DemoUser Scorer)>();
        foreach (var (plan, nomination) in scored)
        {
            var set = sets[nomination!.CategoryId];
            set.IsLocked = true; // by the first card, as the card page locks it
            foreach (var (scorer, card) in new[] { (chair, plan.Chair), (member, plan.Member) })
            {
                db.Assignments.Add(new Assignment { RoundId = round.Id, NominationId = nomination.Id, ScorerId = scorer.Id, AssignedBy = chair.Id, AssignedAt = opened.AddHours(1) });
                var values = card.Levels.ToDictionary(l => l.Code, l => l.Level, StringComparer.Ordinal);
                if (card.Submitted)
                {
                    foreach (var (code, value) in FromFigures(nomination))
                    {
                        values[code] = value;
                    }
                }

                cards.Add((CardOf(round, nomination, set, scorer.Id, values, card.Comments, card.Strengths, card.Submitted, _calendar.Wib(card.At.Days, card.At.Hour, card.At.Minute)), scorer));
            }
        }

        await SaveCardsAsync(cards, sets, ct);
    }
}
