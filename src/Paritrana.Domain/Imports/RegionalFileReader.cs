using System.Globalization;

namespace Paritrana.Domain.Imports;

/// <summary>
/// Reads a regional coverage extract (docs/import-format.md, "Regional coverage extract") and
/// validates every row against an <see cref="ImportReference"/>, one row at a time, with the same
/// layout and cell rules as the employer file (<see cref="CsvTable"/>, <see cref="RowCheck"/>).
/// Only the regency and period pairs seen so far are kept (to report duplicates).
/// </summary>
public sealed class RegionalFileReader(ImportReference reference)
{
    public IEnumerable<RegionalRowResult> Read(Stream stream) => Validate(CsvTable.Read(stream, RegionalColumns.All));

    public IEnumerable<RegionalRowResult> Read(TextReader text) => Validate(CsvTable.Read(text, RegionalColumns.All));

    /// <summary>A period written <c>YYYY-MM</c>, as the first day of that month.</summary>
    public static bool TryParsePeriod(string text, out DateOnly period) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out period);

    private IEnumerable<RegionalRowResult> Validate(IEnumerable<CsvTable.Record> records)
    {
        var firstLine = new Dictionary<(string, DateOnly), int>();
        foreach (var record in records)
        {
            yield return Validate(record, firstLine);
        }
    }

    private RegionalRowResult Validate(CsvTable.Record record, Dictionary<(string, DateOnly), int> firstLine)
    {
        var check = record.Check();
        if (check.HasErrors)
        {
            return new RegionalRowResult(record.Line, null, check.Errors, []);
        }

        var regencyKnown = check.Regency(RegionalColumns.RegionCode, reference, out var regency);

        var periodText = check.Cell(RegionalColumns.Period);
        var period = default(DateOnly);
        var periodOk = false;
        if (periodText.Length == 0)
        {
            check.Fail(RegionalColumns.Period, ImportErrorCode.Required);
        }
        else if (!TryParsePeriod(periodText, out period))
        {
            check.Fail(RegionalColumns.Period, ImportErrorCode.BadPeriod, ImportMessages.Quote(periodText));
        }
        else if (period < ImportValues.EarliestDate)
        {
            check.Fail(RegionalColumns.Period, ImportErrorCode.PeriodBefore2000, periodText);
        }
        else if (period > reference.Today)
        {
            // A month that has begun may be reported; figures "as of" a later month cannot exist yet.
            check.Fail(RegionalColumns.Period, ImportErrorCode.PeriodInFuture, periodText);
        }
        else
        {
            periodOk = true;
        }

        if (regencyKnown && periodOk)
        {
            if (firstLine.TryGetValue((regency, period), out var first))
            {
                check.Fail(RegionalColumns.Period, ImportErrorCode.DuplicateRegencyPeriod, regency, periodText, first.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                firstLine.Add((regency, period), record.Line);
            }
        }

        var formalOk = check.Count(RegionalColumns.FormalWorkers, out var formal);
        var informalOk = check.Count(RegionalColumns.InformalWorkers, out var informal);
        var puOk = check.Count(RegionalColumns.ParticipantsPu, out var pu);
        var bpuOk = check.Count(RegionalColumns.ParticipantsBpu, out var bpu);
        check.Count(RegionalColumns.ActiveEmployers, out var employers);
        int? villages = null;
        if (check.Cell(RegionalColumns.AwareVillages).Length > 0 && check.Count(RegionalColumns.AwareVillages, out var v))
        {
            villages = v;
        }

        var warnings = new List<ImportError>();
        if (puOk && formalOk)
        {
            Compare(check, warnings, RegionalColumns.ParticipantsPu, pu, RegionalColumns.FormalWorkers, formal);
        }

        if (bpuOk && informalOk)
        {
            Compare(check, warnings, RegionalColumns.ParticipantsBpu, bpu, RegionalColumns.InformalWorkers, informal);
        }

        return check.HasErrors
            ? new RegionalRowResult(record.Line, null, check.Errors, [])
            : new RegionalRowResult(record.Line, new RegionalRow(record.Line, regency, period, formal, informal, pu, bpu, employers, villages), [], warnings);
    }

    /// <summary>The 100 % / 110 % rule (<see cref="CoverageLimit"/>) on one pair of columns; the finding is on the participants' column.</summary>
    private static void Compare(RowCheck check, List<ImportError> warnings, string column, int participants, string populationColumn, int population)
    {
        var verdict = CoverageLimit.Judge(participants, population);
        if (verdict == CoverageLimit.Verdict.Plausible)
        {
            return;
        }

        string[] args = [column, RowCheck.Number(participants), populationColumn, RowCheck.Number(population), CoverageLimit.Percent(participants, population)];
        if (verdict == CoverageLimit.Verdict.FarAbove)
        {
            check.Fail(column, ImportErrorCode.ParticipantsFarAbovePopulation, args);
        }
        else
        {
            warnings.Add(new ImportError(check.Line, column, ImportErrorCode.ParticipantsAbovePopulation, args));
        }
    }
}
