package dev.egretta.server;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.Engine;
import dev.egretta.core.spi.PrivateDocuments;
import io.javalin.Javalin;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Egret-compatible HTTP API over an {@link Engine}: {@code POST /v1/query/} (JSON, or
 * Server-Sent Events with {@code "stream": true}), sessions, models, domains and categories, and
 * the caller organisation's private knowledge base. Every route but {@code GET /health} needs
 * {@code Authorization: Bearer <api key>}; the key decides the organisation.
 *
 * <pre>{@code
 * try (EgrettaServer server = EgrettaServer.builder()
 *     .engine(engine)
 *     .apiKeys(ApiKeys.load(Path.of("keys.txt")))
 *     .port(8080)
 *     .build()
 *     .start()) {
 *   server.awaitShutdown();
 * }
 * }</pre>
 *
 * Requests run on virtual threads. {@link #close()} is graceful: new requests get 503, running
 * ones (streams included) may finish within the shutdown timeout, then the HTTP server stops and
 * the engine (index, session store) and the private-documents store are closed.
 */
public final class EgrettaServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EgrettaServer.class.getName());

  private final Builder settings;
  private final InFlight inFlight = new InFlight();
  private final Object lifecycle = new Object();
  private Javalin app;
  private UploadCache uploadCache;
  private volatile int port = -1;
  private boolean closed;

  private EgrettaServer(Builder settings) {
    this.settings = settings;
  }

  /** A builder; {@link Builder#engine} and {@link Builder#apiKeys} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns this server. */
  public EgrettaServer start() {
    synchronized (lifecycle) {
      if (app != null || closed) {
        throw new IllegalStateException("an EgrettaServer starts once");
      }
      try {
        uploadCache = UploadCache.create();
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot create a temporary folder for uploads: " + e.getMessage(), e);
      }
      app = HttpApp.create(settings, inFlight, uploadCache.path());
      try {
        app.start(settings.host, settings.port);
      } catch (RuntimeException e) {
        app.stop();
        uploadCache.close();
        closed = true;
        throw new ConfigurationException("cannot listen on " + settings.host + ":" + settings.port + ": "
            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
      }
      // Javalin makes its connector at start; every connection (and so every body read) is accepted after this.
      for (var connector : app.jettyServer().server().getConnectors()) {
        if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
          c.setIdleTimeout(settings.idleTimeout.toMillis());
        }
      }
      port = app.port();
      LOG.log(Level.INFO, "Egretta server listening on " + baseUrl());
      return this;
    }
  }

  /** The port the server listens on (the chosen one when built with port 0). */
  public int port() {
    int p = port;
    if (p < 0) {
      throw new IllegalStateException("the server is not started");
    }
    return p;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    return "http://" + (settings.host.contains(":") ? "[" + settings.host + "]" : settings.host) + ":" + port();
  }

  /** Blocks until {@link #close()} has completed on another thread (for a server's main thread). */
  public void awaitShutdown() throws InterruptedException {
    synchronized (lifecycle) {
      while (!closed) {
        lifecycle.wait();
      }
    }
  }

  /** Graceful shutdown; idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      try {
        if (app != null) {
          int left = inFlight.drain(settings.shutdownTimeout);
          if (left > 0) {
            LOG.log(Level.WARNING, left + " request(s) still running after the shutdown timeout; stopping anyway");
          }
          app.stop();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (app != null) {
          app.stop();
        }
      } finally {
        closeQuietly("private documents", settings.documents.filter(AutoCloseable.class::isInstance)
            .map(AutoCloseable.class::cast).orElse(null));
        if (settings.closeEngine) {
          closeQuietly("engine", settings.engine);
        }
        if (uploadCache != null) {
          uploadCache.close();
        }
        closed = true;
        lifecycle.notifyAll();
        LOG.log(Level.INFO, "Egretta server stopped");
      }
    }
  }

  private static void closeQuietly(String what, AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      LOG.log(Level.ERROR, "closing the " + what + " failed", e);
    }
  }

  /** Settings of a server; each setter checks its value and names it when it is wrong. */
  public static final class Builder {
    Engine engine;
    ApiKeys apiKeys;
    String host = "127.0.0.1";
    int port = 8080;
    long maxBodyBytes = 1L << 20;
    long maxUploadBytes = 50L << 20;
    int rateRequests = 120;
    Duration ratePeriod = Duration.ofMinutes(1);
    int maxStreamsPerOrganisation = 4;
    Duration heartbeat = Duration.ofSeconds(15);
    Duration shutdownTimeout = Duration.ofSeconds(30);
    Duration idleTimeout = Duration.ofSeconds(30);
    Optional<PrivateDocuments> documents = Optional.empty();
    java.util.Map<Path, String> sourceRoots = new java.util.LinkedHashMap<>();
    boolean closeEngine = true;
    Optional<io.micrometer.prometheusmetrics.PrometheusMeterRegistry> metrics = Optional.empty();
    ModelAliases modelAliases = ModelAliases.NONE;
    Optional<String> publicBaseUrl = Optional.empty();
    Duration downloadLinkLifetime = Duration.ofHours(24);

    private Builder() {}

    /**
     * Serves {@code registry} in Prometheus' text format at {@code GET /metrics}, without a key like
     * {@code /health} (none by default). Give the engine the same registry
     * ({@code EgrettaEngineBuilder.metrics(EgrettaMetrics.of(registry))}) for its timers and counters.
     */
    public Builder metrics(io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry) {
      this.metrics = Optional.of(Objects.requireNonNull(registry, "registry"));
      return this;
    }

    /**
     * Maps a model id clients send onto a model of this install, e.g. Egret's
     * {@code us.anthropic.claude-3-5-haiku-20241022-v1:0} onto {@code egretta-extractive}. {@link #build()}
     * checks that the target is in the engine's catalog and the alias is not. Without an alias an unknown
     * {@code model_id} stays a 400 listing the available ids.
     */
    public Builder modelAlias(String alias, String modelId) {
      this.modelAliases = modelAliases.with(alias, modelId);
      return this;
    }

    /** Adds the aliases of a file: one {@code alias=model_id} per line, {@code #} comments (see {@link #modelAlias}). */
    public Builder modelAliasesFile(Path file) {
      this.modelAliases = modelAliases.withFile(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * The URL clients reach this server at (e.g. {@code https://egretta.example.com} behind a proxy), the base
     * of the {@code download_url} of local documents; default: the scheme and {@code Host} of each request.
     */
    public Builder publicBaseUrl(String url) {
      java.net.URI u;
      try {
        u = new java.net.URI(Objects.requireNonNull(url, "url").strip());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("publicBaseUrl is not a URL: " + url);
      }
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
          || u.getQuery() != null || u.getFragment() != null) {
        throw new IllegalArgumentException("publicBaseUrl must be an http(s) URL without query or fragment; got " + url);
      }
      this.publicBaseUrl = Optional.of(u.toString());
      return this;
    }

    /**
     * How long a {@code download_url} of a local document stays valid after the response that carried it
     * (links are minted afresh on every answer and every read of session messages); default 24 hours.
     */
    public Builder downloadLinkLifetime(Duration lifetime) {
      if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("downloadLinkLifetime must be 1 s .. 30 days; got " + lifetime);
      }
      this.downloadLinkLifetime = lifetime;
      return this;
    }

    /** The engine that answers (required). The server closes it on shutdown unless {@link #closeEngine(boolean)} says no. */
    public Builder engine(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** The accepted keys (required). */
    public Builder apiKeys(ApiKeys apiKeys) {
      this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
      return this;
    }

    /** Loads the accepted keys from a keys file (see {@link ApiKeys}). */
    public Builder apiKeysFile(Path file) {
      return apiKeys(ApiKeys.load(file));
    }

    /** The interface to bind; default {@code 127.0.0.1} (loopback only). */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host.strip();
      return this;
    }

    /** The port; 0 picks a free one (see {@link EgrettaServer#port()}); default 8080. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535; got " + port);
      }
      this.port = port;
      return this;
    }

    /** The largest JSON request body; larger ones get 413. Default 1 MiB. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be at least 1024; got " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** The largest uploaded document; larger ones get 413. Default 50 MiB. */
    public Builder maxUploadBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxUploadBytes must be at least 1024; got " + bytes);
      }
      this.maxUploadBytes = bytes;
      return this;
    }

    /**
     * At most {@code requests} requests per organisation (all its keys together) per {@code period}, a
     * token bucket; default 120 per minute.
     */
    public Builder rateLimit(int requests, Duration period) {
      if (requests < 1) {
        throw new IllegalArgumentException("rate limit requests must be >= 1; got " + requests);
      }
      if (period == null || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("rate limit period must be positive; got " + period);
      }
      this.rateRequests = requests;
      this.ratePeriod = period;
      return this;
    }

    /** At most this many requests per organisation per minute; 0 turns the rate limit off (as {@code --rate-limit}). */
    public Builder rateLimitPerMinute(int requests) {
      if (requests < 0) {
        throw new IllegalArgumentException("rate limit per minute must be >= 0 (0 = off); got " + requests);
      }
      return requests == 0 ? noRateLimit() : rateLimit(requests, Duration.ofMinutes(1));
    }

    /** No rate limit (for trusted single-tenant installs and tests). */
    public Builder noRateLimit() {
      this.rateRequests = 0;
      return this;
    }

    /** At most this many concurrent streams per organisation (all its keys together); more get 429. Default 4. */
    public Builder maxStreamsPerOrganisation(int streams) {
      if (streams < 1) {
        throw new IllegalArgumentException("maxStreamsPerOrganisation must be >= 1; got " + streams);
      }
      this.maxStreamsPerOrganisation = streams;
      return this;
    }

    /** How long a stream may stay silent before a heartbeat comment is sent; default 15 s. */
    public Builder heartbeatInterval(Duration interval) {
      if (interval == null || interval.toMillis() < 1) {
        throw new IllegalArgumentException("heartbeatInterval must be at least 1 ms; got " + interval);
      }
      this.heartbeat = interval;
      return this;
    }

    /** How long {@link EgrettaServer#close()} waits for running requests; default 30 s. */
    public Builder shutdownTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must be >= 0; got " + timeout);
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * How long a connection may stay silent, in particular while a request body is arriving: a body that
     * stalls longer gets 408. Default 30 s.
     */
    public Builder idleTimeout(Duration timeout) {
      if (timeout == null || timeout.toMillis() < 100) {
        throw new IllegalArgumentException("idleTimeout must be at least 100 ms; got " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Names a folder documents are indexed from, so that over HTTP their {@code uri} is
     * {@code file:<name>/<path below the folder>} rather than the server's absolute path. Documents
     * under no named folder are shown as {@code file:<document id>/<file name>}; {@code s3://} URIs
     * are shown as they are. The engine, its sessions and the index keep the real URIs.
     *
     * @param name letters, digits, {@code .}, {@code _} or {@code -}, e.g. {@code corpus} or {@code uploads}
     */
    public Builder sourceRoot(String name, Path folder) {
      EgretExchange.addRoot(sourceRoots, name, folder);
      return this;
    }

    /** The private knowledge base behind the document routes; without one they answer 503. */
    public Builder privateDocuments(PrivateDocuments documents) {
      this.documents = Optional.of(Objects.requireNonNull(documents, "documents"));
      return this;
    }

    /** Whether {@link EgrettaServer#close()} also closes the engine; default true. */
    public Builder closeEngine(boolean close) {
      this.closeEngine = close;
      return this;
    }

    /** A server with these settings, not yet started. */
    public EgrettaServer build() {
      if (engine == null) {
        throw new ConfigurationException("engine is required: call engine(Engine)");
      }
      if (apiKeys == null) {
        throw new ConfigurationException("apiKeys is required: call apiKeys(ApiKeys) or apiKeysFile(Path)");
      }
      Builder copy = new Builder();
      copy.engine = engine;
      copy.apiKeys = apiKeys;
      copy.host = host;
      copy.port = port;
      copy.maxBodyBytes = maxBodyBytes;
      copy.maxUploadBytes = maxUploadBytes;
      copy.rateRequests = rateRequests;
      copy.ratePeriod = ratePeriod;
      copy.maxStreamsPerOrganisation = maxStreamsPerOrganisation;
      copy.heartbeat = heartbeat;
      copy.shutdownTimeout = shutdownTimeout;
      copy.idleTimeout = idleTimeout;
      copy.documents = documents;
      copy.sourceRoots = new java.util.LinkedHashMap<>(sourceRoots);
      copy.closeEngine = closeEngine;
      copy.metrics = metrics;
      modelAliases.checkTargets(engine.models().stream().map(dev.egretta.api.ModelInfo::modelId).toList());
      copy.modelAliases = modelAliases;
      copy.publicBaseUrl = publicBaseUrl;
      copy.downloadLinkLifetime = downloadLinkLifetime;
      return new EgrettaServer(copy);
    }
  }
}
