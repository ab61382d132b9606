namespace Paritrana.Web.Infrastructure;

/// <summary>The Indonesian names of the roles (resource keys; English in SharedResource.en.resx).</summary>
public static class RoleNames
{
    public static string Of(string? role) => role switch
    {
        Roles.Administrator => "Administrator (Sekretariat Nasional)",
        Roles.CommitteeChair => "Ketua Tim Panitia",
        Roles.CommitteeMember => "Anggota Tim Panitia",
        Roles.BranchOfficer => "Petugas Kantor Cabang",
        Roles.NationalJuror => "Juri Nasional",
        Roles.CandidateRepresentative => "Perwakilan Kandidat",
        _ => "Tanpa peran",
    };
}
