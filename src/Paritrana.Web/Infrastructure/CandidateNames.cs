using Paritrana.Domain.Candidates;

namespace Paritrana.Web.Infrastructure;

/// <summary>The Indonesian names of a self-assessment's statuses and list kinds (the resource keys).</summary>
public static class CandidateNames
{
    public static string Status(SelfAssessmentStatus status) => status switch
    {
        SelfAssessmentStatus.Draft => "Draf",
        SelfAssessmentStatus.Submitted => "Dikirim",
        SelfAssessmentStatus.Returned => "Dikembalikan",
        SelfAssessmentStatus.PartlyAccepted => "Diterima sebagian",
        SelfAssessmentStatus.Accepted => "Diterima",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Item(SelfAssessmentItemKind kind) => kind switch
    {
        SelfAssessmentItemKind.Regulation => "Regulasi",
        SelfAssessmentItemKind.Budget => "Anggaran",
        SelfAssessmentItemKind.Innovation => "Inovasi",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
