using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Imports;

/// <summary>The column names of the employer file, as written in its header (any order, any case).</summary>
public static class EmployerColumns
{
    public const string Npp = "npp";
    public const string Name = "nama";
    public const string RegionCode = "kode_wilayah";
    public const string BranchOffice = "kantor_cabang";
    public const string SizeClass = "skala";
    public const string Sector = "sektor";
    public const string Workers = "jumlah_pekerja";
    public const string ParticipantsPu = "peserta_pu";
    public const string ParticipantsBpu = "peserta_bpu";
    public const string Programs = "program";
    public const string ArrearsMonths = "tunggakan_bulan";
    public const string AsOf = "per_tanggal";

    /// <summary>The column named in an error about PU and BPU participants together.</summary>
    public const string Participants = "peserta_pu, peserta_bpu";

    /// <summary>Every column, all required, in the order of the documentation and the sample file.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Npp, Name, RegionCode, BranchOffice, SizeClass, Sector, Workers, ParticipantsPu, ParticipantsBpu, Programs, ArrearsMonths, AsOf];

    public const int MaxNppLength = 20;
    public const int MaxNameLength = 250;
    public const int MaxSectorLength = 100;
}

/// <summary>One valid row of the employer file, parsed: an employer and its figures as of a date.</summary>
public sealed record EmployerRow(
    int Line,
    string Npp,
    string Name,
    string RegencyCode,
    int BranchOfficeId,
    SizeClass SizeClass,
    string? Sector,
    int Workers,
    int ParticipantsPu,
    int ParticipantsBpu,
    Programs Programs,
    int ArrearsMonths,
    DateOnly AsOf) : IImportRow
{
    /// <summary>The province: the first two digits of the region code ("51" of "51.71").</summary>
    public string ProvinceCode => RegencyCode[..2];
}

/// <summary>What one data row of the file came to: a valid employer row, or its errors (one or more).</summary>
public sealed record EmployerRowResult(int Line, EmployerRow? Row, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Row is not null;
}
