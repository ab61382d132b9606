namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Indonesian names of the nomination statuses, actions and related codes. They are resource keys:
/// show them through the localizer (L[NominationNames.Status(s)]); English is in the .en resource.
/// </summary>
public static class NominationNames
{
    public static string Status(NominationStatus status) => status switch
    {
        NominationStatus.Draft => "Draf",
        NominationStatus.Submitted => "Diajukan",
        NominationStatus.Verified => "Terverifikasi",
        NominationStatus.Returned => "Dikembalikan",
        NominationStatus.InFieldAssessment => "Penilaian lapangan",
        NominationStatus.ReadyForScoring => "Siap dinilai",
        NominationStatus.Scored => "Sudah dinilai",
        NominationStatus.Finalist => "Finalis",
        NominationStatus.NotShortlisted => "Tidak masuk finalis",
        NominationStatus.ForwardedToNational => "Diteruskan ke tingkat nasional",
        NominationStatus.Winner => "Pemenang",
        NominationStatus.NotWinner => "Bukan pemenang",
        NominationStatus.Withdrawn => "Ditarik",
        _ => "Status tidak dikenal",
    };

    /// <summary>The badge class of a status (see <see cref="StatusBadges"/>).</summary>
    public static string StatusBadge(NominationStatus status) => StatusBadges.For(status);

    public static string Action(NominationAction action) => action switch
    {
        NominationAction.Submit => "Ajukan untuk verifikasi",
        NominationAction.Verify => "Verifikasi nominasi",
        NominationAction.Return => "Kembalikan dengan alasan",
        NominationAction.StartFieldAssessment => "Mulai penilaian lapangan",
        NominationAction.MarkReadyForScoring => "Tandai siap dinilai",
        NominationAction.MarkScored => "Tandai sudah dinilai",
        NominationAction.DecideFinalist => "Tetapkan sebagai finalis",
        NominationAction.DecideNotShortlisted => "Tetapkan tidak masuk finalis",
        NominationAction.Forward => "Teruskan ke tingkat nasional",
        NominationAction.RecordWinner => "Catat sebagai pemenang",
        NominationAction.RecordNotWinner => "Catat bukan pemenang",
        NominationAction.Withdraw => "Tarik nominasi",
        NominationAction.ReturnToFieldAssessment => "Kembalikan ke penilaian lapangan",
        NominationAction.ReopenDecision => "Buka kembali keputusan pleno",
        NominationAction.ReopenNationalDecision => "Buka kembali keputusan pleno nasional",
        _ => "Langkah tidak dikenal",
    };

    public static string CategoryKind(CategoryKind kind) => kind switch
    {
        Domain.Cycles.CategoryKind.ProvincialGovernment => "Pemerintah provinsi",
        Domain.Cycles.CategoryKind.RegencyGovernment => "Pemerintah kabupaten/kota",
        Domain.Cycles.CategoryKind.LargeCompany => "Perusahaan besar",
        Domain.Cycles.CategoryKind.MediumCompany => "Perusahaan menengah",
        Domain.Cycles.CategoryKind.SmallMicroBusiness => "Usaha kecil dan mikro",
        Domain.Cycles.CategoryKind.PublicServiceBody => "Badan pelayanan publik",
        Domain.Cycles.CategoryKind.VillageGovernment => "Pemerintah desa",
        _ => "Jenis tidak dikenal",
    };

    public static string SizeClass(SizeClass? size) => size switch
    {
        Domain.Organisations.SizeClass.Large => "Besar",
        Domain.Organisations.SizeClass.Medium => "Menengah",
        Domain.Organisations.SizeClass.Small => "Kecil",
        Domain.Organisations.SizeClass.Micro => "Mikro",
        _ => "Tidak diketahui",
    };

    public static string Regulation(RegulationType type) => type switch
    {
        RegulationType.Perda => "Peraturan Daerah (Perda)",
        RegulationType.Pergub => "Peraturan Gubernur (Pergub)",
        RegulationType.Perbup => "Peraturan Bupati (Perbup)",
        RegulationType.Perwali => "Peraturan Wali Kota (Perwali)",
        RegulationType.SuratEdaran => "Surat Edaran",
        RegulationType.KeputusanKepalaDaerah => "Keputusan Kepala Daerah",
        RegulationType.Other => "Lainnya",
        _ => "Jenis tidak dikenal",
    };

    public static string Stage(StageKind stage) => stage switch
    {
        StageKind.Nomination => "Pencalonan",
        StageKind.Verification => "Verifikasi",
        StageKind.FieldAssessment => "Penilaian lapangan dan pembinaan",
        StageKind.Scoring => "Penilaian",
        StageKind.Plenary => "Pleno",
        StageKind.Forwarding => "Pengusulan ke tingkat nasional",
        _ => "Tahap tidak dikenal",
    };
}
