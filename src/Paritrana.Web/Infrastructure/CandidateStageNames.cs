using Paritrana.Domain.Candidates;

namespace Paritrana.Web.Infrastructure;

/// <summary>The Indonesian names of what a candidate is told of its nomination (the resource keys).</summary>
public static class CandidateStageNames
{
    public static string Of(CandidateStage stage) => stage switch
    {
        CandidateStage.InAssessment => "Dalam penilaian panitia provinsi",
        CandidateStage.ProvincialFinalist => "Finalis tingkat provinsi",
        CandidateStage.NotShortlisted => "Tidak masuk finalis",
        CandidateStage.Winner => "Pemenang",
        CandidateStage.NationalFinalist => "Finalis tingkat nasional",
        CandidateStage.Withdrawn => "Ditarik",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
