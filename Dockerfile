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
# Note: the .NET 10 images are based on Ubuntu 24.04, not Debian. Ubuntu's `chromium` package only
# installs a snap, which does not run in a container; the PDF reports (docs/decisions/003) will
# need a Debian-based runtime stage or another way to get a real Chromium binary.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl is only for the health check in docker-compose.yml: the aspnet image has neither curl nor
# wget, and `curl --fail` turns the 503 that /health answers when the database is unreachable into
# a failed check. A few MB, from the distribution's own packages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# Data-protection keys (they sign the auth and antiforgery cookies) live outside the image, in a
# volume mounted here, so that sessions survive a new container. The directory is created and
# owned by the non-root user so that a fresh named volume inherits that ownership. The keys are
# stored unencrypted (the app logs a warning saying so): protect the volume like a secret.
RUN mkdir -p /var/lib/paritrana/keys /var/lib/paritrana/files/imports /var/lib/paritrana/files/evidence \
    && chown -R "$APP_UID:$APP_UID" /var/lib/paritrana

WORKDIR /app
COPY --from=build /app .

# Plain HTTP on 8080 inside the container (the base image's ASPNETCORE_HTTP_PORTS says the same;
# ASP.NET Core logs that URLS overrides it). TLS belongs to a reverse proxy in front.
ENV ASPNETCORE_URLS=http://+:8080 \
    DataProtection__KeysDirectory=/var/lib/paritrana/keys \
    Storage__ImportsDirectory=/var/lib/paritrana/files/imports \
    Storage__EvidenceDirectory=/var/lib/paritrana/files/evidence

# The aspnet image ships a non-root user "app"; APP_UID is its numeric id (1654).
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Paritrana.Web.dll"]
