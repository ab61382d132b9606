using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>The government lists of the edit page (regulations, APBD budget, innovations): each item added or removed by its own small form.</summary>
public partial class EditModel
{
    [ValidateOnly(nameof(Regulation))]
    public async Task<IActionResult> OnPostAddRegulationAsync(int id, CancellationToken ct) =>
        await AddItemAsync(id, Regulation.Version, "regulations", n =>
        {
            var r = new GovernmentRegulation { Type = Regulation.Type!.Value, Number = Regulation.Number!.Trim(), Year = Regulation.Year!.Value, Title = Regulation.Title!.Trim() };
            n.Regulations.Add(r);
            return ($"regulation added: {Describe(r)}", l["Regulasi telah ditambahkan."].Value);
        }, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveRegulationAsync(int id, int itemId, uint version, CancellationToken ct) =>
        await RemoveItemAsync(id, itemId, version, "regulations", db.GovernmentRegulations, async r =>
        {
            if (await db.EvidenceFiles.AnyAsync(f => f.RegulationId == r.Id && !f.IsRemoved, ct))
            {
                ModelState.AddModelError(string.Empty, l["Regulasi ini masih mempunyai berkas bukti. Hapus dulu berkasnya di halaman kunjungan dan pembinaan nominasi."]);
                return null;
            }

            return ($"regulation removed: {Describe(r)}", l["Regulasi telah dihapus."].Value);
        }, ct);

    [ValidateOnly(nameof(Budget))]
    public async Task<IActionResult> OnPostAddBudgetAsync(int id, CancellationToken ct) =>
        await AddItemAsync(id, Budget.Version, "budgets", n =>
        {
            var amount = RupiahText.TryParse(Budget.Amount, out var parsed) ? parsed : throw new InvalidOperationException("The validator accepted an unreadable amount.");
            var b = new BudgetAllocation { Year = Budget.Year!.Value, Amount = amount, Purpose = Budget.Purpose!.Trim(), WorkersCovered = Budget.WorkersCovered };
            n.Budgets.Add(b);
            return ($"budget added: {Describe(b)}", l["Anggaran telah ditambahkan."].Value);
        }, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveBudgetAsync(int id, int itemId, uint version, CancellationToken ct) =>
        await RemoveItemAsync(id, itemId, version, "budgets", db.BudgetAllocations, b =>
            Task.FromResult<(string, string)?>(($"budget removed: {Describe(b)}", l["Anggaran telah dihapus."].Value)), ct);

    [ValidateOnly(nameof(Innovation))]
    public async Task<IActionResult> OnPostAddInnovationAsync(int id, CancellationToken ct) =>
        await AddItemAsync(id, Innovation.Version, "innovations", n =>
        {
            var i = new Innovation { Title = Innovation.Title!.Trim(), Description = NominationFigures.Blank(Innovation.Description), Year = Innovation.Year };
            n.Innovations.Add(i);
            return ($"innovation added: '{i.Title}'", l["Inovasi telah ditambahkan."].Value);
        }, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveInnovationAsync(int id, int itemId, uint version, CancellationToken ct) =>
        await RemoveItemAsync(id, itemId, version, "innovations", db.Innovations, i =>
            Task.FromResult<(string, string)?>(($"innovation removed: '{i.Title}'", l["Inovasi telah dihapus."].Value)), ct);

    private static string Describe(GovernmentRegulation r) => $"{r.Type} {r.Number}/{Key(r.Year)} '{r.Title}'";

    private static string Describe(BudgetAllocation b) => $"{Key(b.Year)} {b.Amount.ToString(CultureInfo.InvariantCulture)} '{b.Purpose}'";

    /// <summary>Adds an item from its validated form (<paramref name="add"/> adds it and says what it added); refused while the form has errors.</summary>
    private Task<IActionResult> AddItemAsync(int id, uint version, string fragment, Func<Nomination, (string Audit, string Message)> add, CancellationToken ct) =>
        ChangeListAsync(id, version, fragment, n => Task.FromResult(ModelState.IsValid ? add(n) : ((string, string)?)null), ct);

    /// <summary>
    /// Removes the nomination's item <paramref name="itemId"/> of <paramref name="items"/> (404 when
    /// it has no such item) unless <paramref name="remove"/> refuses (null, with a ModelState error);
    /// else it says what it removed.
    /// </summary>
    private Task<IActionResult> RemoveItemAsync<T>(
        int id, int itemId, uint version, string fragment, DbSet<T> items, Func<T, Task<(string Audit, string Message)?>> remove, CancellationToken ct)
        where T : class =>
        ChangeListAsync(id, version, fragment, async n =>
        {
            var item = await items.FirstOrDefaultAsync(x => EF.Property<int>(x, nameof(BudgetAllocation.Id)) == itemId && EF.Property<int>(x, nameof(BudgetAllocation.NominationId)) == n.Id, ct);
            if (item is null || await remove(item) is not { } done)
            {
                return null;
            }

            items.Remove(item);
            return done;
        }, ct);

    /// <summary>
    /// One change of a government list: the nomination is loaded and checked as for the figures,
    /// <paramref name="change"/> applies it (null: refused, with ModelState errors or an unknown
    /// item), and the nomination row is touched so that the version check covers the list too.
    /// </summary>
    private async Task<IActionResult> ChangeListAsync(
        int id, uint version, string fragment, Func<Nomination, Task<(string Audit, string Message)?>> change, CancellationToken ct)
    {
        var (nomination, stop) = await LoadForChangeAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }

        var n = nomination!;
        if (!n.Category!.Kind.IsGovernment())
        {
            return NotFound();
        }

        if (n.Version != version)
        {
            return await ConflictAsync(n, ct);
        }

        var done = await change(n);
        if (done is null)
        {
            if (ModelState.IsValid)
            {
                return NotFound();
            }

            await LoadPageAsync(n, fillInput: true, ct);
            return Page();
        }

        audit.Record(AuditActions.NominationUpdated, "nomination", Key(n.Id), n.ProvinceCode, AuditDetails.Text(done.Value.Audit));
        if (!await SaveAsync(n, version, ct))
        {
            return await ConflictAsync(null, ct);
        }

        TempData["StatusMessage"] = done.Value.Message;
        return RedirectToPage("/Nominations/Edit", null, new { id }, fragment);
    }
}
