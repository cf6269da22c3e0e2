# Quantum Panel: a release build with a static Swift standard library, in a small image.
#   docker build -t quantum-panel .
#   docker run --env-file .env -p 8080:8080 -v qp-data:/app/data quantum-panel
FROM swift:6.3-bookworm AS build
WORKDIR /build
# Dependencies first, so a change to the sources doesn't fetch them again.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Plugins ./Plugins
COPY scripts ./scripts
RUN scripts/build-release \
    && cp "$(swift build -c release --static-swift-stdlib --product quantum-panel --show-bin-path)/quantum-panel" /build/quantum-panel \
    && strip /build/quantum-panel

FROM debian:bookworm-slim
# CA certificates for api.telegram.org, time zones for the logs, curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin quantum \
    && mkdir -p /app/data /app/logs \
    && chown quantum:quantum /app/data /app/logs
COPY --from=build /build/quantum-panel /usr/local/bin/quantum-panel
WORKDIR /app
USER 10001
ENV DATABASE_URL=sqlite:///app/data/quantum-panel.sqlite \
    LOG_DIR=/app/logs \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080 \
    OPS_HOST=0.0.0.0 \
    OPS_PORT=9090
VOLUME ["/app/data"]
# 8080: the webhook, for the public proxy; 9090: /healthz, /readyz and /metrics, kept inside.
EXPOSE 8080 9090
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:9090/healthz || exit 1
# SIGTERM from `docker stop` is the graceful stop: updates in flight finish first.
STOPSIGNAL SIGTERM
ENTRYPOINT ["quantum-panel"]
CMD ["run"]
