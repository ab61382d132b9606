namespace Paritrana.Web.Features.Scoring;

/// <summary>Indonesian names of the scoring codes (resource keys: show them through the localizer).</summary>
public static class ScoringNames
{
    public static string RoundKind(RoundKind kind) => kind switch
    {
        Domain.Scoring.RoundKind.Documents => "Penilaian dokumen",
        Domain.Scoring.RoundKind.FieldVisit => "Kunjungan lapangan",
        Domain.Scoring.RoundKind.Interview => "Wawancara",
        Domain.Scoring.RoundKind.Other => "Lainnya",
        _ => "Jenis tidak dikenal",
    };

    public static string RoundStatus(RoundStatus status) => status switch
    {
        Domain.Scoring.RoundStatus.Draft => "Draf",
        Domain.Scoring.RoundStatus.Open => "Dibuka",
        Domain.Scoring.RoundStatus.Closed => "Ditutup",
        _ => "Status tidak dikenal",
    };

    /// <summary>The state of a scorer's card: no card yet, draft, or submitted.</summary>
    public static string CardState(ScorecardStatus? status) => status switch
    {
        null => "Belum dimulai",
        ScorecardStatus.Draft => "Draf",
        ScorecardStatus.Submitted => "Terkirim",
        _ => "Status tidak dikenal",
    };

    public static string Aggregation(RoundAggregation aggregation) => aggregation switch
    {
        RoundAggregation.Mean => "Rata-rata",
        RoundAggregation.Median => "Median",
        _ => "Cara tidak dikenal",
    };

    public static string Scale(ScaleKind scale) => scale switch
    {
        ScaleKind.Percent => "0–100",
        ScaleKind.Levels => "Tingkat 1–5 dengan rubrik",
        _ => "Skala tidak dikenal",
    };

    /// <summary>What a history entry records (ScoreChange.Event).</summary>
    public static string Event(string scoreEvent) => scoreEvent switch
    {
        ScoreEvents.Saved => "Disimpan",
        ScoreEvents.Submitted => "Dikirim",
        ScoreEvents.Reopened => "Dibuka kembali",
        _ => "Peristiwa tidak dikenal",
    };
}

/// <summary>The values of <see cref="ScoreChange.Event"/>.</summary>
public static class ScoreEvents
{
    public const string Saved = "saved";
    public const string Submitted = "submitted";
    public const string Reopened = "reopened";
}
