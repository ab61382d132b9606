// The namespaces nearly every page model and service of the portal imports, once for the project
// (issue 13: the same block of usings at the top of a hundred files was the codebase's most repeated text).
global using System.Globalization;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using Paritrana.Domain.Access;
global using Paritrana.Domain.Auditing;
global using Paritrana.Domain.Cycles;
global using Paritrana.Domain.FieldWork;
global using Paritrana.Domain.National;
global using Paritrana.Domain.Nominations;
global using Paritrana.Domain.Notifications;
global using Paritrana.Domain.Organisations;
global using Paritrana.Domain.Regions;
global using Paritrana.Domain.Scoring;
global using Paritrana.Web.Accounts;
global using Paritrana.Web.Data;
global using Paritrana.Web.Infrastructure;
