package dev.egretta.spring;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code egretta.*} properties. Only {@code egretta.index-dir} is needed: the rest defaults to an
 * offline engine (extractive answers, SQLite sessions beside the index, or the application's
 * {@code DataSource} when it has one).
 */
@ConfigurationProperties("egretta")
public class EgrettaProperties {
  /** The Lucene index folder (created when missing). */
  private Path indexDir;

  /**
   * A folder of PDFs ({@code <domain>/pdf/<category>/<file>.pdf}) indexed at start-up; unchanged files
   * are skipped, so restarts are cheap. None by default.
   */
  private Path documentsDir;

  /** Who writes the answers: {@code extractive} (quotes with citations, no network) or {@code bedrock}. */
  private String generator = "extractive";

  private final Sessions sessions = new Sessions();
  private final Bedrock bedrock = new Bedrock();
  private final S3 s3 = new S3();
  private final Http http = new Http();

  public Path getIndexDir() {
    return indexDir;
  }

  public void setIndexDir(Path indexDir) {
    this.indexDir = indexDir;
  }

  public Path getDocumentsDir() {
    return documentsDir;
  }

  public void setDocumentsDir(Path documentsDir) {
    this.documentsDir = documentsDir;
  }

  public String getGenerator() {
    return generator;
  }

  public void setGenerator(String generator) {
    this.generator = generator;
  }

  public Sessions getSessions() {
    return sessions;
  }

  public Bedrock getBedrock() {
    return bedrock;
  }

  public S3 getS3() {
    return s3;
  }

  public Http getHttp() {
    return http;
  }

  /** The index folder, or a start-up failure naming the property. */
  Path requireIndexDir() {
    if (indexDir == null) {
      throw new IllegalStateException("egretta.index-dir is not set: name the folder of the Lucene index, "
          + "e.g. egretta.index-dir=egretta-data/index");
    }
    return indexDir;
  }

  /** Where conversations are kept. */
  public static class Sessions {
    /**
     * {@code auto} (the application's DataSource when it has one, else SQLite), {@code sqlite},
     * {@code datasource} (PostgreSQL or SQLite behind the application's DataSource) or {@code memory}.
     */
    private String store = "auto";

    /** The SQLite file (default: egretta-sessions.db in the index folder). */
    private Path file;

    public String getStore() {
      return store;
    }

    public void setStore(String store) {
      this.store = store;
    }

    public Path getFile() {
      return file;
    }

    public void setFile(Path file) {
      this.file = file;
    }
  }

  /** Amazon Bedrock, for {@code egretta.generator=bedrock} (credentials from the AWS default chain). */
  public static class Bedrock {
    /** The AWS region (default: the AWS default chain's). */
    private String region;

    /** An endpoint to call instead of the regional one (VPC endpoint, proxy, test server). */
    private String endpoint;

    public String getRegion() {
      return region;
    }

    public void setRegion(String region) {
      this.region = region;
    }

    public String getEndpoint() {
      return endpoint;
    }

    public void setEndpoint(String endpoint) {
      this.endpoint = endpoint;
    }
  }

  /** PDFs in S3 (or MinIO, Ceph...): indexed at start-up, and answers carry signed download links. */
  public static class S3 {
    /** The source, {@code s3://bucket/prefix}; none by default. */
    private String uri;

    /** The AWS region (default: the AWS default chain's). */
    private String region;

    /** An endpoint to call instead of AWS's (MinIO, Ceph...). */
    private String endpoint;

    /** Path-style addressing ({@code endpoint/bucket/key}), which most S3-compatible stores need. */
    private boolean pathStyle;

    public String getUri() {
      return uri;
    }

    public void setUri(String uri) {
      this.uri = uri;
    }

    public String getRegion() {
      return region;
    }

    public void setRegion(String region) {
      this.region = region;
    }

    public String getEndpoint() {
      return endpoint;
    }

    public void setEndpoint(String endpoint) {
      this.endpoint = endpoint;
    }

    public boolean isPathStyle() {
      return pathStyle;
    }

    public void setPathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
    }
  }

  /** The Egret HTTP API on Spring MVC. */
  public static class Http {
    /** Mounts /v1/query/, /v1/sessions/..., /v1/models/, /v1/domains/... as Spring MVC endpoints. */
    private boolean enabled;

    /**
     * The API keys file ({@code <org> sha256:<hex>} lines, as for {@code egretta serve}); needed unless
     * the application has its own {@code EgrettaCallerResolver} bean.
     */
    private Path apiKeysFile;

    /**
     * Where organisations' uploads to /v1/knowledge-base/documents/ are kept (default: {@code uploads}
     * beside the index folder, as for {@code egretta serve}).
     */
    private Path uploadsDir;

    /** Largest JSON request body in bytes; larger ones get 413. */
    private long maxBodyBytes = 1_048_576;

    /** While a streamed answer is silent, a {@code : heartbeat} comment is sent this often (milliseconds). */
    private long heartbeatMillis = 15_000;

    /**
     * Named folders the index was built from: over HTTP their documents' {@code uri} is
     * {@code file:<name>/<path below the folder>}, never the server's path (the documents folder is
     * named {@code documents}).
     */
    private Map<String, Path> sourceRoots = new LinkedHashMap<>();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Path getApiKeysFile() {
      return apiKeysFile;
    }

    public void setApiKeysFile(Path apiKeysFile) {
      this.apiKeysFile = apiKeysFile;
    }

    public Path getUploadsDir() {
      return uploadsDir;
    }

    public void setUploadsDir(Path uploadsDir) {
      this.uploadsDir = uploadsDir;
    }

    public long getMaxBodyBytes() {
      return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }

    public long getHeartbeatMillis() {
      return heartbeatMillis;
    }

    public void setHeartbeatMillis(long heartbeatMillis) {
      this.heartbeatMillis = heartbeatMillis;
    }

    public Map<String, Path> getSourceRoots() {
      return sourceRoots;
    }

    public void setSourceRoots(Map<String, Path> sourceRoots) {
      this.sourceRoots = sourceRoots;
    }
  }
}
