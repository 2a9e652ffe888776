# The operator image (docs/install.md, "The image"): ghcr.io/cibridge/ci-bridge:<chart appVersion>.
#   docker build -t ghcr.io/cibridge/ci-bridge:0.1.0 .
# Stage 1 publishes a self-contained app; stage 2 is a small base without a shell or package manager.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt ./
COPY src/ src/
RUN dotnet publish src/Operator/CiBridge.Operator.csproj -c Release -r linux-x64 --self-contained \
      -p:InvariantGlobalization=true -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /app ./
# Non-root; the chart sets the same ids (securityContext.runAsUser/runAsGroup) and mounts /tmp.
USER 65532:65532
ENTRYPOINT ["/app/ci-bridge"]
CMD ["run"]
