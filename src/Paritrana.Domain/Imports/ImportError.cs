using System.Globalization;

namespace Paritrana.Domain.Imports;

/// <summary>What is wrong with an import file or one of its rows (or, for a warning, worth a second look).</summary>
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

    // One row of a regional coverage extract
    BadPeriod = 40,
    PeriodInFuture = 41,
    PeriodBefore2000 = 42,
    DuplicateRegencyPeriod = 43,
    /// <summary>Participants above 110 % of the population they are counted against.</summary>
    ParticipantsFarAbovePopulation = 44,
    /// <summary>A warning, not an error: participants above 100 % (up to 110 %) of their population.</summary>
    ParticipantsAbovePopulation = 45,
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
/// The reason of each code (its text in <see cref="ImportTexts"/>, with {0}-style placeholders): the
/// one list, which the web app shows through its localizer and the command line prints as it is.
/// </summary>
public static class ImportMessages
{
    /// <summary>Values quoted in messages are cut to this many characters.</summary>
    public const int MaxQuotedLength = 40;

    public static string Template(ImportErrorCode code) => code switch
    {
        ImportErrorCode.EmptyFile => ImportTexts.EmptyFile,
        ImportErrorCode.NotText => ImportTexts.NotText,
        ImportErrorCode.MissingColumns => ImportTexts.MissingColumns,
        ImportErrorCode.DuplicateColumn => ImportTexts.DuplicateColumn,
        ImportErrorCode.NoDataRows => ImportTexts.NoDataRows,
        ImportErrorCode.WrongCellCount => ImportTexts.WrongCellCount,
        ImportErrorCode.UnterminatedQuote => ImportTexts.UnterminatedQuote,
        ImportErrorCode.Required => ImportTexts.Required,
        ImportErrorCode.TooLong => ImportTexts.TooLong,
        ImportErrorCode.NppCharacters => ImportTexts.NppCharacters,
        ImportErrorCode.DuplicateNpp => ImportTexts.DuplicateNpp,
        ImportErrorCode.UnknownRegion => ImportTexts.UnknownRegion,
        ImportErrorCode.OutsideOfficerBranch => ImportTexts.OutsideOfficerBranch,
        ImportErrorCode.UnknownBranch => ImportTexts.UnknownBranch,
        ImportErrorCode.BranchDoesNotCoverRegion => ImportTexts.BranchDoesNotCoverRegion,
        ImportErrorCode.NotAWholeNumber => ImportTexts.NotAWholeNumber,
        ImportErrorCode.Negative => ImportTexts.Negative,
        ImportErrorCode.NumberTooLarge => ImportTexts.NumberTooLarge,
        ImportErrorCode.ParticipantsAboveWorkers => ImportTexts.ParticipantsAboveWorkers,
        ImportErrorCode.UnknownProgram => ImportTexts.UnknownProgram,
        ImportErrorCode.BadDate => ImportTexts.BadDate,
        ImportErrorCode.DateInFuture => ImportTexts.DateInFuture,
        ImportErrorCode.DateBefore2000 => ImportTexts.DateBefore2000,
        ImportErrorCode.UnknownSizeClass => ImportTexts.UnknownSizeClass,
        ImportErrorCode.NppOfAnotherArea => ImportTexts.NppOfAnotherArea,
        ImportErrorCode.BadPeriod => ImportTexts.BadPeriod,
        ImportErrorCode.PeriodInFuture => ImportTexts.PeriodInFuture,
        ImportErrorCode.PeriodBefore2000 => ImportTexts.PeriodBefore2000,
        ImportErrorCode.DuplicateRegencyPeriod => ImportTexts.DuplicateRegencyPeriod,
        ImportErrorCode.ParticipantsFarAbovePopulation => ImportTexts.ParticipantsFarAbovePopulation,
        ImportErrorCode.ParticipantsAbovePopulation => ImportTexts.ParticipantsAbovePopulation,
        _ => ImportTexts.Unknown,
    };

    public static IReadOnlyList<ImportErrorCode> AllCodes { get; } = Enum.GetValues<ImportErrorCode>();

    public static string Format(ImportErrorCode code, IReadOnlyList<string> args) =>
        string.Format(CultureInfo.InvariantCulture, Template(code), args.Cast<object>().ToArray());

    /// <summary>A cell value as it appears in a message: cut to <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), "…");
}
