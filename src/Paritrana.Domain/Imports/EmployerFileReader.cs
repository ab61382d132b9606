using System.Globalization;
using System.Runtime.CompilerServices;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Imports;

/// <summary>
/// Reads a BPJamsostek employer extract (docs/import-format.md) and validates every row against an
/// <see cref="ImportReference"/>, one row at a time: the file is never held in memory, only the NPPs
/// seen so far (to report duplicates). The header decides the column order and the delimiter.
/// File-level problems throw <see cref="ImportFileException"/> while enumerating; row problems come
/// back as <see cref="EmployerRowResult"/>s with all of the row's errors.
/// </summary>
public sealed class EmployerFileReader(ImportReference reference)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Reads a file's bytes: UTF-8 with or without a byte order mark.</summary>
    public IEnumerable<EmployerRowResult> Read(Stream stream)
    {
        using var text = new StreamReader(stream, CsvRecordReader.StrictUtf8, detectEncodingFromByteOrderMarks: false, CsvRecordReader.DefaultBufferSize, leaveOpen: true);
        foreach (var result in Read(text))
        {
            yield return result;
        }
    }

    public IEnumerable<EmployerRowResult> Read(TextReader text)
    {
        var csv = new CsvRecordReader(text);
        csv.SkipByteOrderMark();
        csv.DetectDelimiter();
        var cells = new List<string>(16);
        if (!csv.Read(cells, out _, out _) || IsBlank(cells))
        {
            throw new ImportFileException(ImportError.File(ImportErrorCode.EmptyFile));
        }

        var columns = MapColumns(cells);
        var headerCount = cells.Count;
        var firstLineOfNpp = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        while (csv.Read(cells, out var line, out var unterminated))
        {
            if (!unterminated && IsBlank(cells))
            {
                continue;
            }

            rows++;
            yield return Validate(line, cells, unterminated, headerCount, columns, firstLineOfNpp);
        }

        if (rows == 0)
        {
            throw new ImportFileException(ImportError.File(ImportErrorCode.NoDataRows));
        }
    }

    /// <summary>A line with nothing but delimiters and spaces (spreadsheets leave such lines at the end).</summary>
    private static bool IsBlank(List<string> cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Column name → cell index. Names are trimmed and compared in any case; unknown columns are ignored.</summary>
    private static Dictionary<string, int> MapColumns(List<string> header)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!EmployerColumns.All.Contains(name))
            {
                continue;
            }

            if (!map.TryAdd(name, i))
            {
                throw new ImportFileException(ImportError.File(ImportErrorCode.DuplicateColumn, name));
            }
        }

        var missing = EmployerColumns.All.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(ImportError.File(ImportErrorCode.MissingColumns, string.Join(", ", missing)));
        }

        return map;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvRecordReader
    private EmployerRowResult Validate(int line, List<string> cells, bool unterminated, int headerCount, Dictionary<string, int> columns, Dictionary<string, int> firstLineOfNpp)
    {
        var errors = new List<ImportError>();
        void Fail(string? column, ImportErrorCode code, params string[] args) => errors.Add(new ImportError(line, column, code, args));

        if (unterminated)
        {
            Fail(null, ImportErrorCode.UnterminatedQuote);
        }

        if (cells.Count != headerCount)
        {
            Fail(null, ImportErrorCode.WrongCellCount, cells.Count.ToString(CultureInfo.InvariantCulture), headerCount.ToString(CultureInfo.InvariantCulture));
        }

        if (errors.Count > 0)
        {
            // The cells cannot be matched to their columns; nothing else is worth checking.
            return new EmployerRowResult(line, null, errors);
        }

        string Cell(string column) => cells[columns[column]].Trim();

        var npp = Cell(EmployerColumns.Npp).ToUpperInvariant();
        if (npp.Length == 0)
        {
            Fail(EmployerColumns.Npp, ImportErrorCode.Required);
        }
        else if (npp.Length > EmployerColumns.MaxNppLength)
        {
            Fail(EmployerColumns.Npp, ImportErrorCode.TooLong, Number(EmployerColumns.MaxNppLength));
        }
        else if (!ImportValues.IsValidNpp(npp))
        {
            Fail(EmployerColumns.Npp, ImportErrorCode.NppCharacters, ImportMessages.Quote(npp));
        }
        else if (firstLineOfNpp.TryGetValue(npp, out var firstLine))
        {
            Fail(EmployerColumns.Npp, ImportErrorCode.DuplicateNpp, npp, firstLine.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            firstLineOfNpp.Add(npp, line);
        }

        var name = Cell(EmployerColumns.Name);
        CheckText(EmployerColumns.Name, name, EmployerColumns.MaxNameLength, required: true);

        var region = Cell(EmployerColumns.RegionCode);
        var regionKnown = false;
        if (region.Length == 0)
        {
            Fail(EmployerColumns.RegionCode, ImportErrorCode.Required);
        }
        else if (!reference.IsKnownRegency(region))
        {
            Fail(EmployerColumns.RegionCode, ImportErrorCode.UnknownRegion, ImportMessages.Quote(region));
        }
        else
        {
            regionKnown = true;
            if (!reference.IsAllowedRegency(region))
            {
                Fail(EmployerColumns.RegionCode, ImportErrorCode.OutsideOfficerBranch, region);
            }
        }

        var branchName = Cell(EmployerColumns.BranchOffice);
        ImportReference.Branch? branch = null;
        if (branchName.Length == 0)
        {
            Fail(EmployerColumns.BranchOffice, ImportErrorCode.Required);
        }
        else if ((branch = reference.FindBranch(branchName)) is null)
        {
            Fail(EmployerColumns.BranchOffice, ImportErrorCode.UnknownBranch, ImportMessages.Quote(branchName));
        }
        else if (regionKnown && !branch.RegencyCodes.Contains(region))
        {
            Fail(EmployerColumns.BranchOffice, ImportErrorCode.BranchDoesNotCoverRegion, branch.Name, region);
        }

        var sizeText = Cell(EmployerColumns.SizeClass);
        var size = default(SizeClass);
        if (sizeText.Length == 0)
        {
            Fail(EmployerColumns.SizeClass, ImportErrorCode.Required);
        }
        else if (!ImportValues.TryParseSizeClass(sizeText, out size))
        {
            Fail(EmployerColumns.SizeClass, ImportErrorCode.UnknownSizeClass, ImportMessages.Quote(sizeText));
        }

        var sector = Cell(EmployerColumns.Sector);
        CheckText(EmployerColumns.Sector, sector, EmployerColumns.MaxSectorLength, required: false);

        var workersOk = Count(EmployerColumns.Workers, out var workers);
        var puOk = Count(EmployerColumns.ParticipantsPu, out var pu);
        var bpuOk = Count(EmployerColumns.ParticipantsBpu, out var bpu);
        if (workersOk && puOk && bpuOk && (long)pu + bpu > workers)
        {
            Fail(EmployerColumns.Participants, ImportErrorCode.ParticipantsAboveWorkers, Number((long)pu + bpu), Number(workers));
        }

        var programs = ProgramCodes.Parse(Cell(EmployerColumns.Programs), out var unknownPrograms);
        if (unknownPrograms.Count > 0)
        {
            Fail(EmployerColumns.Programs, ImportErrorCode.UnknownProgram, string.Join(", ", unknownPrograms.Select(ImportMessages.Quote)));
        }

        Count(EmployerColumns.ArrearsMonths, out var arrears);

        var dateText = Cell(EmployerColumns.AsOf);
        var asOf = default(DateOnly);
        if (dateText.Length == 0)
        {
            Fail(EmployerColumns.AsOf, ImportErrorCode.Required);
        }
        else if (!ImportValues.TryParseDate(dateText, out asOf))
        {
            Fail(EmployerColumns.AsOf, ImportErrorCode.BadDate, ImportMessages.Quote(dateText));
        }
        else if (asOf < ImportValues.EarliestDate)
        {
            Fail(EmployerColumns.AsOf, ImportErrorCode.DateBefore2000, dateText);
        }
        else if (asOf > reference.Today)
        {
            Fail(EmployerColumns.AsOf, ImportErrorCode.DateInFuture, dateText);
        }

        if (errors.Count > 0)
        {
            return new EmployerRowResult(line, null, errors);
        }

        var row = new EmployerRow(line, npp, name, region, branch!.Id, size, sector.Length == 0 ? null : sector,
            workers, pu, bpu, programs, arrears, asOf);
        return new EmployerRowResult(line, row, []);

        void CheckText(string column, string value, int maxLength, bool required)
        {
            if (value.Length == 0 && required)
            {
                Fail(column, ImportErrorCode.Required);
            }
            else if (value.Length > maxLength)
            {
                Fail(column, ImportErrorCode.TooLong, Number(maxLength));
            }
        }

        bool Count(string column, out int value)
        {
            var text = Cell(column);
            switch (ImportValues.ParseCount(text, out value))
            {
                case CountParse.Ok:
                    return true;
                case CountParse.Missing:
                    Fail(column, ImportErrorCode.Required);
                    break;
                case CountParse.Negative:
                    Fail(column, ImportErrorCode.Negative, ImportMessages.Quote(text));
                    break;
                case CountParse.TooLarge:
                    Fail(column, ImportErrorCode.NumberTooLarge, ImportMessages.Quote(text));
                    break;
                default:
                    Fail(column, ImportErrorCode.NotAWholeNumber, ImportMessages.Quote(text));
                    break;
            }

            return false;
        }
    }

    private static string Number(long value) => value.ToString("N0", Indonesian);
}
