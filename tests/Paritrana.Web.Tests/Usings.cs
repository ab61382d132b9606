global using System.Net;
global using Paritrana.Web.Tests.Infrastructure;
