# The Paritrana portal as a container image. Used by docker-compose.yml; build alone with
#   docker build -t paritrana .
# The image runs the portal by default; the verbs of Program.cs work too, for example
#   docker compose run --rm web migrate
# (the entry point is `dotnet Paritrana.Web.dll`, so any arguments are passed on to it).

# ---- build ----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /src

# Restore first, from the build settings and project files only, so that the restore layer is
# reused until a package or project reference changes. Only the web project (and, through it, the
# domain project) is restored: restoring Paritrana.sln would need every test project's .csproj
# copied here too, and would break each time a project is added to the solution.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Paritrana.Domain/Paritrana.Domain.csproj src/Paritrana.Domain/
COPY src/Paritrana.Web/Paritrana.Web.csproj src/Paritrana.Web/
RUN dotnet restore src/Paritrana.Web/Paritrana.Web.csproj

COPY . .
RUN dotnet publish src/Paritrana.Web -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime --------------------------------------------------------------------------------
# The PDF reports need a real Chromium (docs/decisions/003). The .NET 10 `aspnet` images are based
# on Ubuntu 24.04, whose `chromium` package only installs a snap that does not run in a container,
# so the runtime stage is Debian 12 (the distribution the portal is developed and tested on) with
# Debian's `chromium`, and the ASP.NET Core shared runtime is copied from Microsoft's image: a
# framework-dependent app needs only that folder plus glibc, ICU, OpenSSL and CA certificates.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet-runtime

FROM debian:bookworm-slim AS runtime
# chromium + fonts-dejavu-core: the PDF reports (Indonesian text, id-ID figures).
# curl: only for the health checks (HEALTHCHECK below, docker-compose.yml); `curl --fail` turns
# a 503 into a failed check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       ca-certificates libicu72 libssl3 tzdata curl chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# A non-root user with the same id as the aspnet image's "app" user (1654), so that volumes made
# with the earlier image keep working. Its home is writable: Chromium and fontconfig keep caches there.
ENV APP_UID=1654 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Reports__ChromiumPath=/usr/bin/chromium
RUN groupadd --gid "$APP_UID" app \
    && useradd --uid "$APP_UID" --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app

# No volume: the data-protection keys (they sign the auth and antiforgery cookies), uploaded files
# and background jobs are all in PostgreSQL (docs/decisions/018), so any number of containers of
# this image serve the same portal.

WORKDIR /app
COPY --from=build /app .

# Plain HTTP on 8080 inside the container. TLS belongs to a reverse proxy in front.
ENV ASPNETCORE_URLS=http://+:8080

USER $APP_UID
EXPOSE 8080
# Liveness: the process answers (no database touched), so that a database outage does not get every
# container restarted. Readiness for traffic is /health/ready: docker-compose.yml's healthcheck and
# the load balancer use it (docs/operations.md, "Health checks").
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["curl", "--fail", "--silent", "--output", "/dev/null", "--max-time", "4", "http://localhost:8080/health/live"]
ENTRYPOINT ["dotnet", "Paritrana.Web.dll"]
