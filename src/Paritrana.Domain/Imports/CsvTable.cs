using System.Globalization;

namespace Paritrana.Domain.Imports;

/// <summary>
/// The layout every import file shares (docs/import-format.md): UTF-8 with or without a byte order
/// mark, comma or semicolon, a header line naming the columns in any order and case, then data
/// lines; lines with nothing but delimiters and spaces are skipped. File-level problems throw
/// <see cref="ImportFileException"/> while enumerating (empty file, missing or repeated column, no
/// data line); each data line comes back with its cells and its physical line number.
/// </summary>
public sealed class CsvTable
{
    private readonly CsvRecordReader _csv;
    private readonly List<string> _cells = new(16);

    private CsvTable(TextReader text, IReadOnlyList<string> columns)
    {
        _csv = new CsvRecordReader(text);
        _csv.SkipByteOrderMark();
        _csv.DetectDelimiter();
        if (!_csv.Read(_cells, out _, out _) || IsBlank(_cells))
        {
            throw new ImportFileException(ImportError.File(ImportErrorCode.EmptyFile));
        }

        Columns = MapColumns(_cells, columns);
        HeaderCount = _cells.Count;
    }

    /// <summary>Column name → cell index.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }

    /// <summary>The number of cells of the header line; every data line must have as many.</summary>
    public int HeaderCount { get; }

    /// <summary>Opens a file's bytes: UTF-8 with or without a byte order mark, every one of <paramref name="columns"/> required.</summary>
    public static IEnumerable<Record> Read(Stream stream, IReadOnlyList<string> columns)
    {
        using var text = new StreamReader(stream, CsvRecordReader.StrictUtf8, detectEncodingFromByteOrderMarks: false, CsvRecordReader.DefaultBufferSize, leaveOpen: true);
        foreach (var record in Read(text, columns))
        {
            yield return record;
        }
    }

    /// <summary>
    /// The data lines of a file, one at a time. The record's cell list is reused for the next
    /// line: read it before moving on.
    /// </summary>
    public static IEnumerable<Record> Read(TextReader text, IReadOnlyList<string> columns)
    {
        var table = new CsvTable(text, columns);
        var rows = 0;
        while (table._csv.Read(table._cells, out var line, out var unterminated))
        {
            if (!unterminated && IsBlank(table._cells))
            {
                continue;
            }

            rows++;
            yield return new Record(table, line, table._cells, unterminated);
        }

        if (rows == 0)
        {
            throw new ImportFileException(ImportError.File(ImportErrorCode.NoDataRows));
        }
    }

    /// <summary>One data line: its physical line number (header = 1) and its cells.</summary>
    public sealed record Record(CsvTable Table, int Line, List<string> Cells, bool Unterminated)
    {
        /// <summary>
        /// The check of this line: the line-level errors (an unterminated quote, a wrong number of
        /// cells) are already in it; when there are any, its cells cannot be matched to columns.
        /// </summary>
        public RowCheck Check()
        {
            var check = new RowCheck(Line, Cells, Table.Columns);
            if (Unterminated)
            {
                check.Fail(null, ImportErrorCode.UnterminatedQuote);
            }

            if (Cells.Count != Table.HeaderCount)
            {
                check.Fail(null, ImportErrorCode.WrongCellCount, Cells.Count.ToString(CultureInfo.InvariantCulture), Table.HeaderCount.ToString(CultureInfo.InvariantCulture));
            }

            return check;
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
    private static Dictionary<string, int> MapColumns(List<string> header, IReadOnlyList<string> columns)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!columns.Contains(name))
            {
                continue;
            }

            if (!map.TryAdd(name, i))
            {
                throw new ImportFileException(ImportError.File(ImportErrorCode.DuplicateColumn, name));
            }
        }

        var missing = columns.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(ImportError.File(ImportErrorCode.MissingColumns, string.Join(", ", missing)));
        }

        return map;
    }
}

/// <summary>
/// The errors of one data line as it is checked, and the cell rules every import shares: a cell
/// by column name (trimmed), and a count (<see cref="ImportValues.ParseCount"/>) with its error.
/// </summary>
public sealed class RowCheck(int line, List<string> cells, IReadOnlyDictionary<string, int> columns)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly List<ImportError> _errors = [];

    public int Line => line;

    public IReadOnlyList<ImportError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Fail(string? column, ImportErrorCode code, params string[] args) => _errors.Add(new ImportError(line, column, code, args));

    public string Cell(string column) => cells[columns[column]].Trim();

    /// <summary>A required whole number, with or without id-ID thousands dots; false (and its error) when it is not one.</summary>
    public bool Count(string column, out int value)
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

    /// <summary>
    /// A regency or city code that must exist and lie in the importer's area (each failure an error
    /// on the column); true when the code exists, also outside the area.
    /// </summary>
    public bool Regency(string column, ImportReference reference, out string code)
    {
        code = Cell(column);
        if (code.Length == 0)
        {
            Fail(column, ImportErrorCode.Required);
            return false;
        }

        if (!reference.IsKnownRegency(code))
        {
            Fail(column, ImportErrorCode.UnknownRegion, ImportMessages.Quote(code));
            return false;
        }

        if (!reference.IsAllowedRegency(code))
        {
            Fail(column, ImportErrorCode.OutsideOfficerBranch, code);
        }

        return true;
    }

    /// <summary>A number as messages show it: id-ID thousands dots.</summary>
    public static string Number(long value) => value.ToString("N0", Indonesian);
}
