# Hearth: one node. Scale out by running several behind a WebSocket-aware proxy with
# HEARTH_REDIS_URL (or HEARTH_REDIS_CLUSTER) set; see docs/scaling.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY rooms ./rooms
COPY moderation ./moderation
COPY server ./server
COPY web ./web
# Editable: the server finds web/ next to its package, as in a checkout.
RUN pip install --no-cache-dir -e . \
    && useradd --system --uid 10001 --home-dir /app hearth \
    && mkdir -p /app/.hearth && chown hearth /app/.hearth

USER 10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"]
STOPSIGNAL SIGTERM
CMD ["hearth", "serve", "--host", "0.0.0.0", "--port", "8000"]
