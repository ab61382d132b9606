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
    /// <summary>Reads a file's bytes: UTF-8 with or without a byte order mark.</summary>
    public IEnumerable<EmployerRowResult> Read(Stream stream) => Validate(CsvTable.Read(stream, EmployerColumns.All));

    public IEnumerable<EmployerRowResult> Read(TextReader text) => Validate(CsvTable.Read(text, EmployerColumns.All));

    private IEnumerable<EmployerRowResult> Validate(IEnumerable<CsvTable.Record> records)
    {
        var firstLineOfNpp = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            yield return Validate(record, firstLineOfNpp);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvRecordReader
    private EmployerRowResult Validate(CsvTable.Record record, Dictionary<string, int> firstLineOfNpp)
    {
        var line = record.Line;
        var check = record.Check();
        if (check.HasErrors)
        {
            // The cells cannot be matched to their columns; nothing else is worth checking.
            return new EmployerRowResult(line, null, check.Errors);
        }

        void Fail(string? column, ImportErrorCode code, params string[] args) => check.Fail(column, code, args);
        string Cell(string column) => check.Cell(column);
        bool Count(string column, out int value) => check.Count(column, out value);

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

        var regionKnown = check.Regency(EmployerColumns.RegionCode, reference, out var region);

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

        if (check.HasErrors)
        {
            return new EmployerRowResult(line, null, check.Errors);
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
    }

    private static string Number(long value) => RowCheck.Number(value);
}
