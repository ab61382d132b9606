using System.Globalization;

namespace Paritrana.Domain.Imports;

/// <summary>What is wrong with an employer file or one of its rows.</summary>
public enum ImportErrorCode
{
    // The whole file
    EmptyFile = 1,
    NotText = 2,
    MissingColumns = 3,
    DuplicateColumn = 4,
    NoDataRows = 5,

    // One row
    WrongCellCount = 20,
    UnterminatedQuote = 21,
    Required = 22,
    TooLong = 23,
    NppCharacters = 24,
    DuplicateNpp = 25,
    UnknownRegion = 26,
    OutsideOfficerBranch = 27,
    UnknownBranch = 28,
    BranchDoesNotCoverRegion = 29,
    NotAWholeNumber = 30,
    Negative = 31,
    NumberTooLarge = 32,
    ParticipantsAboveWorkers = 33,
    UnknownProgram = 34,
    BadDate = 35,
    DateInFuture = 36,
    DateBefore2000 = 37,
    UnknownSizeClass = 38,
    /// <summary>The NPP belongs to an employer already stored outside the officer's branch area.</summary>
    NppOfAnotherArea = 39,
}

/// <summary>
/// One error: the physical line of the file (header = line 1; null for a file-level error), the
/// column it concerns (null when it concerns the whole row or file), and the reason, as a code
/// with its arguments so that the interface can show it in the user's language.
/// </summary>
public sealed record ImportError(int? Line, string? Column, ImportErrorCode Code, string[] Args)
{
    /// <summary>The Indonesian reason.</summary>
    public string Message => ImportMessages.Format(Code, Args);

    public bool IsFileLevel => Line is null;

    public static ImportError File(ImportErrorCode code, params string[] args) => new(null, null, code, args);

    public override string ToString() =>
        Line is null ? Message : $"baris {Line.Value.ToString(CultureInfo.InvariantCulture)}, {Column ?? "—"}: {Message}";
}

/// <summary>A file-level problem: the file cannot be read as an employer extract at all.</summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(ImportError error) : base(error.Message) => Error = error;

    public ImportFileException() : this(ImportError.File(ImportErrorCode.NotText))
    {
    }

    public ImportFileException(string message) : base(message) => Error = ImportError.File(ImportErrorCode.NotText);

    public ImportFileException(string message, Exception innerException) : base(message, innerException) =>
        Error = ImportError.File(ImportErrorCode.NotText);

    public ImportError Error { get; }
}

/// <summary>
/// The Indonesian reasons, one template per code, with {0}-style placeholders. The web app shows
/// them through its localizer with the same texts as keys (Features/Imports/ImportNames.cs; a test
/// keeps both lists equal), and docs/import-format.md lists them.
/// </summary>
public static class ImportMessages
{
    /// <summary>Values quoted in messages are cut to this many characters.</summary>
    public const int MaxQuotedLength = 40;

    public static string Template(ImportErrorCode code) => code switch
    {
        ImportErrorCode.EmptyFile => "Berkas kosong.",
        ImportErrorCode.NotText => "Berkas ini bukan berkas teks CSV (UTF-8).",
        ImportErrorCode.MissingColumns => "Kolom wajib tidak ada di baris judul: {0}.",
        ImportErrorCode.DuplicateColumn => "Kolom {0} muncul lebih dari sekali di baris judul.",
        ImportErrorCode.NoDataRows => "Berkas hanya berisi baris judul, tanpa baris data.",
        ImportErrorCode.WrongCellCount => "Baris ini berisi {0} sel, padahal baris judul berisi {1} kolom.",
        ImportErrorCode.UnterminatedQuote => "Tanda petik pembuka tidak ditutup sampai akhir berkas.",
        ImportErrorCode.Required => "Wajib diisi.",
        ImportErrorCode.TooLong => "Terlalu panjang: paling banyak {0} karakter.",
        ImportErrorCode.NppCharacters => "NPP {0} hanya boleh berisi huruf dan angka.",
        ImportErrorCode.DuplicateNpp => "NPP {0} sudah ada di baris {1}.",
        ImportErrorCode.UnknownRegion => "Kode wilayah {0} tidak dikenal.",
        ImportErrorCode.OutsideOfficerBranch => "Wilayah {0} berada di luar wilayah kantor cabang Anda.",
        ImportErrorCode.UnknownBranch => "Kantor cabang {0} tidak dikenal.",
        ImportErrorCode.BranchDoesNotCoverRegion => "{0} tidak melayani wilayah {1}.",
        ImportErrorCode.NotAWholeNumber => "{0} bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).",
        ImportErrorCode.Negative => "Tidak boleh negatif: {0}.",
        ImportErrorCode.NumberTooLarge => "Bilangan {0} terlalu besar.",
        ImportErrorCode.ParticipantsAboveWorkers => "Peserta PU dan BPU ({0}) melebihi jumlah pekerja ({1}).",
        ImportErrorCode.UnknownProgram => "Kode program tidak dikenal: {0} (yang sah: JKK, JKM, JHT, JP, JKP).",
        ImportErrorCode.BadDate => "Tanggal {0} tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT.",
        ImportErrorCode.DateInFuture => "Tanggal {0} belum terjadi.",
        ImportErrorCode.DateBefore2000 => "Tanggal {0} sebelum tahun 2000.",
        ImportErrorCode.UnknownSizeClass => "Skala {0} tidak dikenal (yang sah: Besar, Menengah, Kecil, Mikro).",
        ImportErrorCode.NppOfAnotherArea => "NPP {0} sudah terdaftar untuk pemberi kerja di wilayah {1}, di luar wilayah kantor cabang Anda.",
        _ => "Kesalahan tidak dikenal.",
    };

    public static IReadOnlyList<ImportErrorCode> AllCodes { get; } = Enum.GetValues<ImportErrorCode>();

    public static string Format(ImportErrorCode code, IReadOnlyList<string> args) =>
        string.Format(CultureInfo.InvariantCulture, Template(code), args.Cast<object>().ToArray());

    /// <summary>A cell value as it appears in a message: cut to <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), "…");
}
