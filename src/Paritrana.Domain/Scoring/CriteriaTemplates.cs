using Paritrana.Domain.Cycles;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// The default criteria a new category starts from, built from the criteria reported publicly
/// (PARITRANA-FACTS.md). No official weights have been published: these are a starting point the
/// administrator adjusts per cycle.
/// </summary>
public static class CriteriaTemplates
{
    public sealed record IndicatorTemplate(string Code, string Name, decimal Weight, ScaleKind Scale, string? Guidance = null, string[]? Rubric = null);

    public sealed record AspectTemplate(string Code, string Name, decimal Weight, IReadOnlyList<IndicatorTemplate> Indicators);

    private static readonly string[] GenericRubric =
    [
        "Tidak ada atau tidak dapat dibuktikan.",
        "Ada sebagian kecil, belum berjalan.",
        "Ada dan berjalan sebagian.",
        "Ada, berjalan, dan didukung bukti yang cukup.",
        "Ada, berjalan baik, dievaluasi, dan menjadi contoh bagi daerah/perusahaan lain.",
    ];

    public static IReadOnlyList<AspectTemplate> Government { get; } =
    [
        new("REG", "Regulasi", 30m,
        [
            new("REG1", "Peraturan daerah atau peraturan kepala daerah tentang perlindungan jaminan sosial ketenagakerjaan", 50m, ScaleKind.Levels,
                "Salinan Perda/Pergub/Perbup/Perwali yang berlaku pada tahun penilaian.",
                ["Belum ada regulasi.", "Regulasi masih rancangan.", "Regulasi berlaku tanpa kewajiban atau sanksi.", "Regulasi berlaku dengan kewajiban dan pelaksanaan.", "Regulasi berlaku, dilaksanakan dan dievaluasi berkala."]),
            new("REG2", "Surat edaran atau instruksi kepala daerah (Inpres 2/2021)", 25m, ScaleKind.Levels, "Surat edaran/instruksi dan bukti penyebarannya."),
            new("REG3", "Kewajiban kepesertaan dalam perizinan dan pengadaan barang/jasa", 25m, ScaleKind.Levels, "Ketentuan perizinan/pengadaan yang mensyaratkan kepesertaan BPJamsostek."),
        ]),
        new("ANG", "Anggaran", 20m,
        [
            new("ANG1", "APBD untuk perlindungan pekerja non-ASN (Permendagri 27/2021)", 50m, ScaleKind.Levels, "DPA/APBD tahun penilaian."),
            new("ANG2", "APBD untuk perlindungan pekerja rentan", 50m, ScaleKind.Levels, "DPA/APBD dan daftar penerima."),
        ]),
        new("INO", "Inovasi", 15m,
        [
            new("INO1", "Inovasi perluasan kepesertaan", 60m, ScaleKind.Levels, "Uraian inovasi, waktu mulai, hasil yang terukur."),
            new("INO2", "Kolaborasi dengan desa adat, swasta, dan komunitas", 40m, ScaleKind.Levels, "Perjanjian kerja sama atau bukti kegiatan."),
        ]),
        new("KIN", "Kinerja cakupan kepesertaan", 20m,
        [
            new("KIN1", "Cakupan peserta penerima upah (PU) terhadap angkatan kerja BPS", 40m, ScaleKind.Percent, "Persentase dari data BPJamsostek per 31 Desember dan data BPS."),
            new("KIN2", "Cakupan peserta bukan penerima upah (BPU)", 40m, ScaleKind.Percent, "Persentase pekerja informal yang terlindungi."),
            new("KIN3", "Cakupan pegawai non-ASN", 20m, ScaleKind.Percent, "Persentase pegawai non-ASN yang terdaftar."),
        ]),
        new("WAW", "Wawancara", 15m,
        [
            new("WAW1", "Kehadiran kepala daerah secara langsung", 30m, ScaleKind.Levels, null,
                ["Tidak hadir dan tidak diwakili.", "Diwakili pejabat eselon III.", "Diwakili Sekda atau pejabat eselon II.", "Wakil kepala daerah hadir.", "Kepala daerah hadir langsung."]),
            new("WAW2", "Pemahaman dan komitmen terhadap perlindungan pekerja", 40m, ScaleKind.Levels),
            new("WAW3", "Kualitas paparan dan jawaban", 30m, ScaleKind.Levels),
        ]),
    ];

    public static IReadOnlyList<AspectTemplate> Company { get; } =
    [
        new("KEP", "Kepatuhan", 50m,
        [
            new("KEP1", "Seluruh pekerja terdaftar", 30m, ScaleKind.Percent, "Persentase pekerja yang terdaftar dari jumlah pekerja."),
            new("KEP2", "Seluruh program diikuti (JKK, JKM, JHT, JP, JKP)", 25m, ScaleKind.Levels, "Daftar program dari data BPJamsostek.",
                ["Hanya satu program.", "JKK dan JKM.", "JKK, JKM dan JHT.", "JKK, JKM, JHT dan JP.", "Seluruh program termasuk JKP."]),
            new("KEP3", "Upah dilaporkan sesuai upah sebenarnya", 25m, ScaleKind.Levels, "Perbandingan daftar upah dengan upah yang dilaporkan."),
            new("KEP4", "Iuran dibayar tepat waktu tanpa tunggakan", 20m, ScaleKind.Levels, "Riwayat pembayaran iuran tahun penilaian."),
        ]),
        new("DIG", "Komitmen digital dan kepedulian", 30m,
        [
            new("DIG1", "Penggunaan SIPP untuk pelaporan", 20m, ScaleKind.Levels),
            new("DIG2", "Pekerja pengguna aplikasi JMO", 20m, ScaleKind.Percent, "Persentase pekerja yang memakai JMO."),
            new("DIG3", "Validasi NIK pekerja", 20m, ScaleKind.Percent, "Persentase NIK pekerja yang tervalidasi."),
            new("DIG4", "Kepatuhan vendor dan rantai pasok", 20m, ScaleKind.Levels, "Daftar vendor dan status kepesertaannya."),
            new("DIG5", "CSR untuk perlindungan pekerja rentan", 20m, ScaleKind.Levels, "Program CSR, anggaran dan jumlah pekerja rentan yang didaftarkan."),
        ]),
        new("WAW", "Wawancara", 20m,
        [
            new("WAW1", "Pemahaman program jaminan sosial ketenagakerjaan (uji pemahaman)", 60m, ScaleKind.Levels),
            new("WAW2", "Komitmen pimpinan perusahaan", 40m, ScaleKind.Levels),
        ]),
    ];

    /// <summary>The template for a category kind: governments or employers.</summary>
    public static IReadOnlyList<AspectTemplate> For(CategoryKind kind) => kind.IsGovernment() ? Government : Company;

    /// <summary>A new (unsaved) criteria set for a category, built from its template.</summary>
    public static CriteriaSet Build(int cycleId, int categoryId, CategoryKind kind, DateTimeOffset now)
    {
        var set = new CriteriaSet { CycleId = cycleId, CategoryId = categoryId, VersionNumber = 1, IsCurrent = true, CreatedAt = now };
        var aspectOrder = 0;
        foreach (var a in For(kind))
        {
            var aspect = new Aspect { Code = a.Code, Name = a.Name, Weight = a.Weight, SortOrder = ++aspectOrder };
            var indicatorOrder = 0;
            foreach (var i in a.Indicators)
            {
                var rubric = i.Scale == ScaleKind.Levels ? i.Rubric ?? GenericRubric : null;
                aspect.Indicators.Add(new Indicator
                {
                    Code = i.Code,
                    Name = i.Name,
                    Weight = i.Weight,
                    Scale = i.Scale,
                    SortOrder = ++indicatorOrder,
                    EvidenceGuidance = i.Guidance,
                    Rubric1 = rubric?[0],
                    Rubric2 = rubric?[1],
                    Rubric3 = rubric?[2],
                    Rubric4 = rubric?[3],
                    Rubric5 = rubric?[4],
                });
            }

            set.Aspects.Add(aspect);
        }

        return set;
    }

    /// <summary>The default rounds of a province: documents, field visit, interview, with the aspects each scores.</summary>
    public static IReadOnlyList<(string Name, RoundKind Kind, decimal Weight, string[] AspectCodes)> DefaultRounds { get; } =
    [
        ("Penilaian Dokumen", RoundKind.Documents, 40m, ["REG", "ANG", "INO", "KIN", "KEP", "DIG"]),
        ("Kunjungan Lapangan", RoundKind.FieldVisit, 35m, ["REG", "ANG", "INO", "KIN", "KEP", "DIG"]),
        ("Wawancara", RoundKind.Interview, 25m, ["WAW"]),
    ];

    /// <summary>
    /// The default rounds of the national jury (docs/decisions/043): the administrative verification of
    /// the forwarded files, then the interview of the head of region or the company's leader.
    /// </summary>
    public static IReadOnlyList<(string Name, RoundKind Kind, decimal Weight, string[] AspectCodes)> NationalRounds { get; } =
    [
        ("Verifikasi Administrasi Nasional", RoundKind.Documents, 60m, ["REG", "ANG", "INO", "KIN", "KEP", "DIG"]),
        ("Wawancara Nasional", RoundKind.Interview, 40m, ["WAW"]),
    ];
}
