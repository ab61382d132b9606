using Paritrana.Web.Data.Demo;

namespace Paritrana.Web.Data;

/// <summary>
/// The demo's nominations (Data/Demo/nominations.json): created as the nomination form creates them
/// (an employer's figures prefilled from its import), filled in as the committee filled them, and
/// taken through their workflow steps by <see cref="DemoActor"/>, one step at a time, through the
/// portal's <c>NominationTransitions</c>: its rules, its status history and its audit events.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    /// <summary>The parts of a nomination's steps, taken before and after the history's scoring and plenary.</summary>
    private enum Phase
    {
        /// <summary>Up to "ready for scoring": before any card exists.</summary>
        BeforeScored,

        /// <summary>"Scored", once the cards are submitted (the portal refuses it on incomplete scoring without a reason).</summary>
        Scored,

        /// <summary>What follows the plenary (which takes the decisions and the forwarding itself, Data/Demo/plenaries.json).</summary>
        AfterScored,
    }

    /// <summary>A nomination added now and the steps it is to go through.</summary>
    private sealed record AddedNomination(int Id, IReadOnlyList<DemoStep> Steps);

    private async Task<List<AddedNomination>> SeedNominationsAsync(CycleIds cycles, CancellationToken ct)
    {
        var cycleIds = new[] { cycles.History, cycles.Current };
        var categories = await db.Categories.AsNoTracking()
            .Where(c => cycleIds.Contains(c.CycleId))
            .ToDictionaryAsync(c => (c.CycleId, c.Code), c => c.Id, ct);
        var plans = DemoData.Nominations;
        var npps = plans.Where(p => p.Npp is not null).Select(p => p.Npp!).Distinct().ToList();
        var provinces = DemoData.Organisations.Governments.Select(g => g.Province).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => (o.Type == OrganisationType.Government && provinces.Contains(o.ProvinceCode)) || (o.Npp != null && npps.Contains(o.Npp)))
            .ToListAsync(ct);
        var branches = await db.BranchOffices.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        var emails = plans.Select(p => p.CreatedBy).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        var existing = (await db.Nominations.AsNoTracking().Where(n => cycleIds.Contains(n.CycleId)).Select(n => new { n.CycleId, n.OrganisationId }).ToListAsync(ct))
            .Select(n => (n.CycleId, n.OrganisationId)).ToHashSet();
        var added = new List<(Nomination Nomination, DemoNomination Plan)>();
        // A history closed by an earlier start stays as it was: nominations the data gained since (Jawa
        // Tengah's 2021 finalists, issue 17) could not take their steps in a closed cycle.
        var historyClosed = await HistoryClosedAsync(cycles.History, ct);

        foreach (var plan in plans)
        {
            var organisation = organisations.Single(o => IsOf(o, plan));
            var cycleId = plan.Cycle == DemoData.History ? cycles.History : cycles.Current;
            if (existing.Contains((cycleId, organisation.Id)) || (cycleId == cycles.History && historyClosed))
            {
                continue;
            }

            var createdAt = _calendar.Wib(plan.Created);
            var nomination = new Nomination
            {
                CycleId = cycleId,
                CategoryId = categories[(cycleId, plan.Category)],
                OrganisationId = organisation.Id,
                ProvinceCode = organisation.ProvinceCode,
                RegencyCode = organisation.RegencyCode,
                BranchOfficeId = branches.TryGetValue(plan.Branch, out var branch) ? branch : null,
                CreatedBy = users.TryGetValue(plan.CreatedBy, out var by) ? by
                    : throw new InvalidOperationException($"Demo award data needs the demo account {plan.CreatedBy}; it is missing."),
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
            if (organisation.Type == OrganisationType.Employer)
            {
                // Prefilled from the import, as the nomination form does; the history sets its own figures.
                SetEmployerFigures(nomination, organisation.LatestAsOf, organisation.LatestWorkers, organisation.LatestParticipantsPu,
                    organisation.LatestParticipantsBpu, organisation.LatestPrograms, organisation.LatestArrearsMonths);
            }

            Fill(nomination, plan);
            db.Nominations.Add(nomination);
            added.Add((nomination, plan));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added.Select(a => new AddedNomination(a.Nomination.Id, a.Plan.Steps)).ToList();
    }

    /// <summary>
    /// Takes the steps of one phase of every nomination added now, in the order they were taken
    /// (by time), each as its demo account at its time.
    /// </summary>
    private async Task ApplyStepsAsync(List<AddedNomination> nominations, Phase phase, CancellationToken ct)
    {
        var steps = nominations
            .SelectMany(n => n.Steps.Select((step, index) => (n.Id, Step: step, Phase: PhaseOf(n.Steps, index))))
            .Where(s => s.Phase == phase)
            .Select(s => (s.Id, s.Step, At: _calendar.Wib(s.Step.At)))
            .OrderBy(s => s.At)
            .ToList();
        foreach (var (id, step, at) in steps)
        {
            await actor.StepAsync(id, step, at, ct: ct);
        }
    }

    private static Phase PhaseOf(IReadOnlyList<DemoStep> steps, int index)
    {
        var scored = steps.Select(s => s.Action).ToList().IndexOf(NominationAction.MarkScored);
        return scored < 0 || index < scored ? Phase.BeforeScored : index == scored ? Phase.Scored : Phase.AfterScored;
    }

    /// <summary>Whether <paramref name="o"/> is the organisation the data names (by NPP, or a government by region code).</summary>
    private static bool IsOf(Organisation o, IDemoOrganisationRef named) =>
        named.Npp is { } npp ? o.Npp == npp : IsGovernmentOf(o, named.GovernmentOf!);

    private static bool IsGovernmentOf(Organisation o, string region) =>
        o.Type == OrganisationType.Government && (region.Contains('.', StringComparison.Ordinal)
            ? o.RegencyCode == region && o.GovernmentLevel == GovernmentLevel.RegencyOrCity
            : o.ProvinceCode == region && o.RegencyCode == null && o.GovernmentLevel == GovernmentLevel.Province);

    /// <summary>What the committee filled in: figures, compliance, summary, regulations, budgets, innovations.</summary>
    private static void Fill(Nomination n, DemoNomination plan)
    {
        if (plan.Government is { } g)
        {
            n.WorkforceBps = g.WorkforceBps;
            n.ProtectedPu = g.ProtectedPu;
            n.ProtectedBpu = g.ProtectedBpu;
            n.NonAsnWorkers = g.NonAsnWorkers;
            n.NonAsnCovered = g.NonAsnCovered;
        }

        if (plan.EmployerFigures is { } f)
        {
            SetEmployerFigures(n, f.AsOf, f.Workers, f.Pu, f.Bpu, f.Programs, f.ArrearsMonths);
        }

        if (plan.Compliance is { } c)
        {
            n.AllWorkersRegistered = n.Workers is int w && (n.ParticipantsPu ?? 0) + (n.ParticipantsBpu ?? 0) >= w;
            n.WagesReportedCorrectly = c.WagesReportedCorrectly;
            n.UsesSipp = true;
            n.JmoUsers = c.JmoUsers;
            n.NikValidatedPercent = c.NikValidatedPercent;
            n.VendorCount = c.VendorCount;
            n.VendorsRegistered = c.VendorsRegistered;
            n.CsrDescription = c.CsrDescription;
            n.CsrAmount = c.CsrAmount;
        }

        n.Summary = plan.Summary;
        n.Regulations.AddRange((plan.Regulations ?? []).Select(r => new GovernmentRegulation { Type = r.Type, Number = r.Number, Year = r.Year, Title = r.Title }));
        n.Budgets.AddRange((plan.Budgets ?? []).Select(b => new BudgetAllocation { Year = b.Year, Amount = b.Amount, Purpose = b.Purpose, WorkersCovered = b.WorkersCovered }));
        n.Innovations.AddRange((plan.Innovations ?? []).Select(i => new Innovation { Title = i.Title, Description = i.Description, Year = i.Year }));
    }

    private static void SetEmployerFigures(Nomination n, DateOnly? asOf, int? workers, int? pu, int? bpu, Programs programs, int? arrears)
    {
        n.FiguresAsOf = asOf;
        n.Workers = workers;
        n.ParticipantsPu = pu;
        n.ParticipantsBpu = bpu;
        n.Programs = programs;
        n.ArrearsMonths = arrears;
    }
}
