# blacklist container image.
#
#   docker build -t test-build .                     # the runtime image (default, last stage)
#   docker run --rm test-build test                  # smoke test of that image (see deploy/docker/entrypoint.sh)
#   docker build --target test -t test-build .       # the SDK image with the built test suite
#   docker run --rm test-build test                  # runs `dotnet test Blacklist.slnx` in it
#   docker run -d -p 2542:2542 -v blacklist-data:/data test-build     # serve
#   docker run --rm -v blacklist-data:/data test-build backup         # any verb of the `blacklist` executable
#
# Stages: projects (project files only, for restore caching) -> build (restore + sources)
#         -> publish ; build -> test ; publish -> runtime (default).
# Nothing secret is baked in: connection strings and credentials arrive as environment variables
# at run time (docker-compose env file, Kubernetes Secret).

# global.json pins SDK 10.0.401 with rollForward latestFeature, so any 10.0 SDK image from
# 10.0.401 up builds this tree. Pin a digest here (and bump it deliberately) for reproducible builds.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble
# .NET 10 images are Ubuntu 24.04 (noble); Debian images are no longer published for .NET 10.
# Not the chiseled variant: the HEALTHCHECK needs curl, `blacklist backup`/`restore` against
# PostgreSQL need pg_dump/pg_restore, and the entrypoint is a shell script.
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-noble

# ---------------------------------------------------------------------------------------------
# projects: the tree reduced to what `dotnet restore` reads. Its output changes only when a
# project file, props file, global.json or the solution changes, so the restore layer below stays
# cached across source-only edits without listing every project here by hand.
FROM ${SDK_IMAGE} AS projects
WORKDIR /src
COPY . .
RUN find . -type f \
      ! -name '*.csproj' ! -name '*.props' ! -name '*.targets' ! -name '*.slnx' \
      ! -name 'global.json' ! -iname 'nuget.config' ! -name 'packages.lock.json' \
      -delete \
 && find . -depth -type d -empty -delete

# ---------------------------------------------------------------------------------------------
FROM ${SDK_IMAGE} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src
COPY --from=projects /src/ ./
RUN dotnet restore Blacklist.slnx
COPY . .

# ---------------------------------------------------------------------------------------------
FROM build AS publish
RUN dotnet publish src/Blacklist.Server/Blacklist.Server.csproj -c Release --no-restore \
      -o /app/publish -p:UseAppHost=false

# ---------------------------------------------------------------------------------------------
# test: `docker build --target test -t test-build . && docker run --rm test-build test`.
# The image holds the SDK, the sources and the Release build; running it runs the whole suite.
# Tests that need kubectl, promtool or yamllint (tests/Blacklist.Deploy.Tests) pass without them
# here (BLACKLIST_ALLOW_MISSING_TOOLS=1); `make test` on a machine runs them for real.
FROM build AS test
RUN dotnet build Blacklist.slnx -c Release --no-restore
ENV BLACKLIST_ALLOW_MISSING_TOOLS=1
ENTRYPOINT ["/bin/sh", "/src/deploy/docker/run-tests.sh"]

# ---------------------------------------------------------------------------------------------
# runtime (default): ASP.NET Core runtime, non-root, read-only-root-filesystem friendly:
# the process writes only to /data (volume: SQLite, Data Protection keys, backups) and /tmp.
FROM ${RUNTIME_IMAGE} AS runtime

# curl: HEALTHCHECK and the image smoke test. postgresql-client-16: pg_dump/pg_restore for
# `blacklist backup`/`restore` with Database__Provider=postgres (client major >= server major 16).
ARG PG_CLIENT_PACKAGE=postgresql-client-16
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl ${PG_CLIENT_PACKAGE} \
 && rm -rf /var/lib/apt/lists/*

# The base image sets ASPNETCORE_HTTP_PORTS=8080; cleared so that only port 2542 is configured
# (appsettings.json's Kestrel endpoint and ASPNETCORE_URLS agree on it).
ENV Blacklist__DataDirectory=/data \
    ASPNETCORE_URLS=http://+:2542 \
    ASPNETCORE_HTTP_PORTS="" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1

WORKDIR /app
# Application files stay owned by root: the service user can read them, not change them.
COPY --from=publish /app/publish/ ./
COPY deploy/docker/entrypoint.sh /usr/local/bin/blacklist
# The base image's `app` user is UID/GID 1654 ($APP_UID). /data is created owned by it so that a
# fresh named volume mounted there (docker, compose) inherits a writable owner.
RUN chmod 0755 /usr/local/bin/blacklist \
 && mkdir -p /data \
 && chown "$APP_UID:$APP_UID" /data
VOLUME ["/data"]

USER $APP_UID
EXPOSE 2542

# /health answers 503 only when the process cannot serve. Kubernetes ignores HEALTHCHECK and
# uses its own probes (k8s/base/deployment.yaml).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:2542/health"]

# `blacklist` (no verb) serves; `blacklist VERB ...` runs a verb; `blacklist test` runs the image
# smoke test. The script execs dotnet, so the service runs as PID 1 and receives SIGTERM directly.
ENTRYPOINT ["/usr/local/bin/blacklist"]
