namespace Paritrana.Web.Pages.Nominations;

/// <summary>The write side of the create page: the nomination, the government organisation the first time it is nominated, the verifying branch, the one-per-cycle check.</summary>
public partial class CreateModel
{
    /// <summary>Creates the nomination (and the government body when it is new); null when refused with a ModelState error.</summary>
    private async Task<(int Id, string Name)?> CreateAsync(CycleLookup.CycleRef cycle, CategoryChoice category, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var organisation = await OrganisationOfAsync(category, ct);
        if (organisation is not null && await AddAlreadyNominatedErrorAsync(cycle, organisation, ct))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (organisation is null)
        {
            organisation = await NewGovernmentAsync(category.Kind, now, ct);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);
            audit.Record(AuditActions.OrganisationCreated, "organisation", organisation.Id.ToString(CultureInfo.InvariantCulture), organisation.ProvinceCode,
                AuditDetails.Text($"government: '{organisation.Name}'; level: {organisation.GovernmentLevel}; region: {organisation.RegencyCode ?? organisation.ProvinceCode}"));
        }

        var branchOfficeId = await VerifyingBranchAsync(category.Kind, organisation, ct);
        if (branchOfficeId is null)
        {
            var region = await db.RegenciesAndCities.AsNoTracking().Where(r => r.Code == organisation.RegencyCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
            ModelState.AddModelError("", l["Belum ada kantor cabang BPJamsostek yang melayani {0}, sehingga tidak ada yang dapat memverifikasi nominasi ini. Hubungi administrator portal.", region ?? organisation.Name]);
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null;
        }

        var employer = organisation.Type == OrganisationType.Employer;
        var nomination = new Nomination
        {
            CycleId = cycle.Id,
            CategoryId = category.Id,
            OrganisationId = organisation.Id,
            ProvinceCode = organisation.ProvinceCode,
            RegencyCode = organisation.RegencyCode,
            BranchOfficeId = branchOfficeId,
            Status = NominationStatus.Draft,
            FiguresAsOf = employer ? organisation.LatestAsOf : null,
            Workers = employer ? organisation.LatestWorkers : null,
            ParticipantsPu = employer ? organisation.LatestParticipantsPu : null,
            ParticipantsBpu = employer ? organisation.LatestParticipantsBpu : null,
            Programs = employer ? organisation.LatestPrograms : Programs.None,
            ArrearsMonths = employer ? organisation.LatestArrearsMonths : null,
            CreatedBy = me.Id ?? Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditActions.NominationCreated, "nomination", nomination.Id.ToString(CultureInfo.InvariantCulture), nomination.ProvinceCode,
            AuditDetails.Text($"cycle: {cycle.Year.ToString(CultureInfo.InvariantCulture)}; category: '{category.Name}'; organisation: '{organisation.Name}' ({organisation.Id.ToString(CultureInfo.InvariantCulture)}); branch office: {branchOfficeId.Value.ToString(CultureInfo.InvariantCulture)}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (nomination.Id, organisation.Name);
    }

    /// <summary>The organisation the input names, tracked; null for a government body that does not exist yet.</summary>
    private async Task<Organisation?> OrganisationOfAsync(CategoryChoice category, CancellationToken ct)
    {
        var province = Input.ProvinceCode;
        switch (category.Kind)
        {
            case CategoryKind.ProvincialGovernment:
                return await db.Organisations.FirstOrDefaultAsync(
                    o => o.ProvinceCode == province && o.RegencyCode == null && o.GovernmentLevel == GovernmentLevel.Province, ct);
            case CategoryKind.RegencyGovernment:
                return await db.Organisations.FirstOrDefaultAsync(
                    o => o.ProvinceCode == province && o.RegencyCode == Input.RegencyCode && o.GovernmentLevel == GovernmentLevel.RegencyOrCity, ct);
            case CategoryKind.VillageGovernment:
                var pattern = TextSearch.ContainsPattern(GovernmentBodies.VillageName(Input.VillageName)!)[1..^1];
                return await db.Organisations.FirstOrDefaultAsync(
                    o => o.ProvinceCode == province && o.RegencyCode == Input.RegencyCode && o.GovernmentLevel == GovernmentLevel.Village
                         && EF.Functions.ILike(o.Name, pattern, @"\"), ct);
            default:
                var scope = await me.GetScopeAsync(ct);
                return await db.Organisations.InScope(scope).FirstOrDefaultAsync(o => o.Id == Input.OrganisationId && o.Type == OrganisationType.Employer, ct);
        }
    }

    private async Task<Organisation> NewGovernmentAsync(CategoryKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var province = Input.ProvinceCode;
        var (level, regency, name) = kind switch
        {
            CategoryKind.ProvincialGovernment => (GovernmentLevel.Province, (string?)null,
                GovernmentBodies.ProvinceName(await db.Provinces.Where(p => p.Code == province).Select(p => p.Name).FirstAsync(ct))),
            CategoryKind.RegencyGovernment => (GovernmentLevel.RegencyOrCity, Input.RegencyCode,
                GovernmentBodies.RegencyOrCityName(await db.RegenciesAndCities.Where(r => r.Code == Input.RegencyCode).Select(r => r.Name).FirstAsync(ct))),
            _ => (GovernmentLevel.Village, Input.RegencyCode, GovernmentBodies.VillageName(Input.VillageName)!),
        };
        return new Organisation
        {
            Type = OrganisationType.Government,
            GovernmentLevel = level,
            Name = name,
            ProvinceCode = province,
            RegencyCode = regency,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The branch office that verifies: the employer's own branch, else the branch covering the
    /// regency or city; for the provincial government the one the member chose.
    /// </summary>
    private async Task<int?> VerifyingBranchAsync(CategoryKind kind, Organisation organisation, CancellationToken ct)
    {
        if (kind == CategoryKind.ProvincialGovernment)
        {
            return Input.BranchOfficeId;
        }

        if (organisation.Type == OrganisationType.Employer && organisation.BranchOfficeId is int own)
        {
            return own;
        }

        return await db.BranchOffices.AsNoTracking()
            .Where(b => b.IsActive && b.Areas.Any(a => a.RegencyCode == organisation.RegencyCode))
            .Select(b => (int?)b.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Adds "already nominated" with the existing nomination's category and status when there is one.</summary>
    private async Task<bool> AddAlreadyNominatedErrorAsync(CycleLookup.CycleRef cycle, Organisation? organisation, CancellationToken ct)
    {
        if (organisation is null)
        {
            return false;
        }

        var existing = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycle.Id && n.OrganisationId == organisation.Id)
            .Select(n => new { n.Id, Category = n.Category!.Name, n.Status })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return false;
        }

        ModelState.AddModelError("", l["{0} sudah dinominasikan pada siklus {1} dalam kategori {2} dengan status {3}. Satu organisasi hanya dapat dinominasikan sekali dalam satu siklus.",
            organisation.Name, cycle.Year.ToString(CultureInfo.InvariantCulture), existing.Category, l[NominationNames.Status(existing.Status)]]);
        ExistingNominationId = existing.Id;
        return true;
    }

    /// <summary>The nomination that already exists for the chosen organisation, linked from the message.</summary>
    public int? ExistingNominationId { get; private set; }
}
