using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Candidates;

/// <summary>One figure a self-assessment offers: its key, its label (the edit form's), its kind of nomination, how to read and take it.</summary>
public sealed record SelfAssessmentFigure(
    string Key,
    string Label,
    bool? Government,
    Func<NominationFigures, object?> Read,
    Func<NominationFigures, NominationFigures, NominationFigures> Take);

/// <summary>One figure beside its recorded value: whether the committee can take it (given and different).</summary>
public sealed record FigureComparison(SelfAssessmentFigure Figure, object? Recorded, object? Submitted)
{
    public bool Differs => Submitted is not null && !Equals(Recorded, Submitted);
}

/// <summary>Why a self-assessment cannot be submitted now.</summary>
public enum SubmitRefusal
{
    /// <summary>It is submitted or decided: nothing to send.</summary>
    NotEditable = 1,
    /// <summary>The figures were never saved.</summary>
    FiguresMissing = 2,
    /// <summary>The deadline (the Nomination stage's end, or the committee's date after a return) is past.</summary>
    DeadlinePassed = 3,
}

/// <summary>
/// The rules of a self-assessment (docs/decisions/051): who may change it when, its deadline, how it
/// compares with the nomination, and how accepted values become the nomination's figures, through
/// <see cref="NominationFigures.ApplyTo"/> like every edit of the committee.
/// </summary>
public static class SelfAssessmentRules
{
    public static readonly IReadOnlyList<SelfAssessmentFigure> Figures =
    [
        new("FiguresAsOf", "Data per tanggal", false, f => f.FiguresAsOf, (r, s) => r with { FiguresAsOf = s.FiguresAsOf }),
        new("Workers", "Jumlah pekerja", false, f => f.Workers, (r, s) => r with { Workers = s.Workers }),
        new("ParticipantsPu", "Peserta penerima upah (PU)", false, f => f.ParticipantsPu, (r, s) => r with { ParticipantsPu = s.ParticipantsPu }),
        new("ParticipantsBpu", "Peserta bukan penerima upah (BPU)", false, f => f.ParticipantsBpu, (r, s) => r with { ParticipantsBpu = s.ParticipantsBpu }),
        new("Programs", "Program yang diikuti", false, f => f.Programs == Programs.None ? null : f.Programs, (r, s) => r with { Programs = s.Programs }),
        new("ArrearsMonths", "Tunggakan iuran (bulan)", false, f => f.ArrearsMonths, (r, s) => r with { ArrearsMonths = s.ArrearsMonths }),
        new("AllWorkersRegistered", "Semua pekerja didaftarkan", false, f => f.AllWorkersRegistered, (r, s) => r with { AllWorkersRegistered = s.AllWorkersRegistered }),
        new("WagesReportedCorrectly", "Upah dilaporkan dengan benar", false, f => f.WagesReportedCorrectly, (r, s) => r with { WagesReportedCorrectly = s.WagesReportedCorrectly }),
        new("UsesSipp", "Menggunakan SIPP", false, f => f.UsesSipp, (r, s) => r with { UsesSipp = s.UsesSipp }),
        new("JmoUsers", "Pengguna aplikasi JMO", false, f => f.JmoUsers, (r, s) => r with { JmoUsers = s.JmoUsers }),
        new("NikValidatedPercent", "NIK pekerja tervalidasi (%)", false, f => f.NikValidatedPercent, (r, s) => r with { NikValidatedPercent = s.NikValidatedPercent }),
        new("VendorCount", "Jumlah vendor", false, f => f.VendorCount, (r, s) => r with { VendorCount = s.VendorCount }),
        new("VendorsRegistered", "Vendor yang terdaftar BPJamsostek", false, f => f.VendorsRegistered, (r, s) => r with { VendorsRegistered = s.VendorsRegistered }),
        new("CsrDescription", "Program CSR untuk pekerja rentan", false, f => NominationFigures.Blank(f.CsrDescription), (r, s) => r with { CsrDescription = s.CsrDescription }),
        new("CsrAmount", "Nilai CSR (Rupiah)", false, f => f.CsrAmount, (r, s) => r with { CsrAmount = s.CsrAmount }),
        new("WorkforceBps", "Angkatan kerja (BPS)", true, f => f.WorkforceBps, (r, s) => r with { WorkforceBps = s.WorkforceBps }),
        new("ProtectedPu", "Pekerja terlindungi PU", true, f => f.ProtectedPu, (r, s) => r with { ProtectedPu = s.ProtectedPu }),
        new("ProtectedBpu", "Pekerja terlindungi BPU", true, f => f.ProtectedBpu, (r, s) => r with { ProtectedBpu = s.ProtectedBpu }),
        new("NonAsnWorkers", "Pekerja non-ASN", true, f => f.NonAsnWorkers, (r, s) => r with { NonAsnWorkers = s.NonAsnWorkers }),
        new("NonAsnCovered", "Pekerja non-ASN yang terlindungi", true, f => f.NonAsnCovered, (r, s) => r with { NonAsnCovered = s.NonAsnCovered }),
        new("Summary", "Ringkasan", null, f => NominationFigures.Blank(f.Summary), (r, s) => r with { Summary = s.Summary }),
    ];

    /// <summary>The figures of a kind of nomination, in the form's order.</summary>
    public static IEnumerable<SelfAssessmentFigure> For(bool government) => Figures.Where(f => f.Government is null || f.Government == government);

    /// <summary>The recorded figures of a nomination, as its edit form holds them.</summary>
    public static NominationFigures Recorded(Nomination n, bool government) => new()
    {
        IsGovernment = government,
        FiguresAsOf = n.FiguresAsOf,
        Workers = n.Workers,
        ParticipantsPu = n.ParticipantsPu,
        ParticipantsBpu = n.ParticipantsBpu,
        Programs = n.Programs,
        ArrearsMonths = n.ArrearsMonths,
        AllWorkersRegistered = n.AllWorkersRegistered,
        WagesReportedCorrectly = n.WagesReportedCorrectly,
        UsesSipp = n.UsesSipp,
        JmoUsers = n.JmoUsers,
        NikValidatedPercent = n.NikValidatedPercent,
        VendorCount = n.VendorCount,
        VendorsRegistered = n.VendorsRegistered,
        CsrDescription = n.CsrDescription,
        CsrAmount = n.CsrAmount,
        WorkforceBps = n.WorkforceBps,
        ProtectedPu = n.ProtectedPu,
        ProtectedBpu = n.ProtectedBpu,
        NonAsnWorkers = n.NonAsnWorkers,
        NonAsnCovered = n.NonAsnCovered,
        Summary = n.Summary,
    };

    /// <summary>The organisation's latest imported BPJamsostek figures, as figures (employers: as of, workers, PU, BPU, programmes, arrears).</summary>
    public static NominationFigures Imported(Organisation o, bool government) => new()
    {
        IsGovernment = government,
        FiguresAsOf = o.LatestAsOf,
        Workers = o.LatestWorkers,
        ParticipantsPu = o.LatestParticipantsPu,
        ParticipantsBpu = o.LatestParticipantsBpu,
        Programs = o.LatestPrograms,
        ArrearsMonths = o.LatestArrearsMonths,
    };

    /// <summary>Each figure of the kind: recorded beside submitted.</summary>
    public static IReadOnlyList<FigureComparison> Compare(NominationFigures recorded, NominationFigures submitted) =>
        For(recorded.IsGovernment).Select(f => new FigureComparison(f, f.Read(recorded), f.Read(submitted))).ToList();

    /// <summary>
    /// The nomination's figures with the chosen submitted ones taken in (all that differ when
    /// <paramref name="keys"/> is null). A key that is unknown, of the other kind, or not differing is
    /// ignored: only a given, different value changes the nomination.
    /// </summary>
    public static NominationFigures Merge(NominationFigures recorded, NominationFigures submitted, IReadOnlyCollection<string>? keys)
    {
        var result = recorded;
        foreach (var c in Compare(recorded, submitted).Where(c => c.Differs && (keys is null || keys.Contains(c.Figure.Key))))
        {
            result = c.Figure.Take(result, submitted);
        }

        return result;
    }

    /// <summary>Whether the figures hold together (the parts within their wholes), as the edit form requires; null when they do.</summary>
    public static string? Inconsistency(NominationFigures f) =>
        f.IsGovernment
            ? !FigureRules.PartsFit(f.ProtectedPu, f.ProtectedBpu, f.WorkforceBps) ? "ProtectedPu"
            : !FigureRules.PartWithinWhole(f.NonAsnCovered, f.NonAsnWorkers) || !FigureRules.PartHasWhole(f.NonAsnCovered, f.NonAsnWorkers) ? "NonAsnCovered"
            : null
            : !FigureRules.PartsFit(f.ParticipantsPu, f.ParticipantsBpu, f.Workers) ? "ParticipantsPu"
            : !FigureRules.PartWithinWhole(f.VendorsRegistered, f.VendorCount) || !FigureRules.PartHasWhole(f.VendorsRegistered, f.VendorCount) ? "VendorsRegistered"
            : null;

    /// <summary>The representative may change it while it is a draft or returned.</summary>
    public static bool Editable(SelfAssessmentStatus status) => status is SelfAssessmentStatus.Draft or SelfAssessmentStatus.Returned;

    /// <summary>The committee may accept or return it once submitted, until everything is accepted.</summary>
    public static bool Decidable(SelfAssessmentStatus status) => status is SelfAssessmentStatus.Submitted or SelfAssessmentStatus.PartlyAccepted;

    /// <summary>
    /// The last day to submit: the committee's date after a return, else the end of the Nomination
    /// stage (the province's own where set); null when neither is scheduled (no deadline).
    /// </summary>
    public static DateOnly? Deadline(SelfAssessmentStatus status, DateOnly? nominationStageEnds, DateOnly? resubmitBy) =>
        status == SelfAssessmentStatus.Returned && resubmitBy is not null ? resubmitBy : nominationStageEnds;

    /// <summary>Why it cannot be submitted on <paramref name="today"/> (WIB), or null when it can: the deadline's day itself still counts.</summary>
    public static SubmitRefusal? CanSubmit(SelfAssessment s, DateOnly? nominationStageEnds, DateOnly today) =>
        !Editable(s.Status) ? SubmitRefusal.NotEditable
        : !s.FiguresSaved ? SubmitRefusal.FiguresMissing
        : Cycles.StageCalendar.IsPast(Deadline(s.Status, nominationStageEnds, s.ResubmitBy), today) ? SubmitRefusal.DeadlinePassed
        : null;

    /// <summary>After an acceptance: accepted when nothing differs and every list entry is taken, else partly accepted.</summary>
    public static SelfAssessmentStatus AfterAcceptance(IEnumerable<FigureComparison> remaining, IEnumerable<SelfAssessmentItem> items) =>
        remaining.Any(c => c.Differs) || items.Any(i => i.AcceptedAt is null)
            ? SelfAssessmentStatus.PartlyAccepted
            : SelfAssessmentStatus.Accepted;
}
