package dev.egretta.spring;

import dev.egretta.core.Engine;
import dev.egretta.core.spi.PrivateDocuments;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.LucenePrivateDocuments;
import dev.egretta.server.ApiKeys;
import dev.egretta.server.EgretExchange;
import dev.egretta.server.LocalDownloads;
import dev.egretta.server.WebUi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * {@code egretta.http.enabled=true} in a servlet web application: the Egret API on Spring MVC, after
 * the engine's configuration so that its beans decide what is mounted.
 */
@AutoConfiguration(after = EgrettaAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "egretta.http", name = "enabled", havingValue = "true")
public class EgrettaHttpConfiguration {

  /** The keys file's callers, unless the application maps requests to organisations itself. */
  @Bean
  @ConditionalOnMissingBean
  EgrettaCallerResolver egrettaCallerResolver(EgrettaProperties properties) {
    Path file = properties.getHttp().getApiKeysFile();
    if (file == null || !Files.isRegularFile(file)) {
      throw new IllegalStateException("egretta.http.enabled=true needs egretta.http.api-keys-file (got "
          + file + ": not a file; create keys with 'egretta keys add --org ORG --api-keys FILE') "
          + "or an EgrettaCallerResolver bean");
    }
    return new ApiKeyCallerResolver(ApiKeys.load(file));
  }

  /**
   * The organisations' uploads, kept in {@code egretta.http.uploads-dir} and indexed into the
   * starter's Lucene index (none when the application brings another retriever).
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(LuceneKnowledgeBase.class)
  PrivateDocuments egrettaPrivateDocuments(LuceneKnowledgeBase kb, EgrettaProperties properties) {
    return LucenePrivateDocuments.of(kb, uploads(properties));
  }

  /**
   * Download links for documents on this machine (the documents folder, uploads), as {@code egretta
   * serve} mints them: valid 24 hours, under a key drawn at start, re-minted on every read.
   */
  @Bean
  @ConditionalOnMissingBean
  LocalDownloads egrettaLocalDownloads() {
    return LocalDownloads.create(Duration.ofHours(24));
  }

  /** The server's JSON, SSE and error writer, with the documents folder and the uploads named as {@code egretta serve} names them. */
  @Bean
  EgretExchange egrettaExchange(EgrettaProperties properties, LocalDownloads downloads) {
    Map<String, Path> roots = new LinkedHashMap<>();
    if (properties.getDocumentsDir() != null) {
      roots.put("documents", properties.getDocumentsDir());
    }
    roots.put("uploads", uploads(properties));
    roots.putAll(properties.getHttp().getSourceRoots());
    return EgretExchange.of(roots, downloads);
  }

  @Bean
  EgretApiController egretApiController(Engine engine, EgrettaCallerResolver callers, EgretExchange exchange,
      EgrettaProperties properties) {
    EgrettaProperties.Http http = properties.getHttp();
    if (http.getMaxBodyBytes() < 1024 || http.getHeartbeatMillis() < 1) {
      throw new IllegalArgumentException("egretta.http.max-body-bytes must be at least 1024 and "
          + "egretta.http.heartbeat-millis at least 1; got " + http.getMaxBodyBytes() + " and " + http.getHeartbeatMillis());
    }
    return new EgretApiController(engine, callers, exchange,
        new SseRelay(engine, exchange, Duration.ofMillis(http.getHeartbeatMillis())), http.getMaxBodyBytes());
  }

  /** {@code GET /v1/downloads/<token>/}: the local documents the answers link to. */
  @Bean
  EgretDownloadController egretDownloadController(LocalDownloads downloads, EgrettaCallerResolver callers,
      EgretApiController api) {
    return new EgretDownloadController(downloads, callers, api);
  }

  /** The chat page at {@code /}, as {@code egretta serve} serves it (no key; its API calls need one). */
  @Bean
  @ConditionalOnMissingBean
  EgretWebUiController egretWebUiController() {
    return new EgretWebUiController(WebUi.load());
  }

  @Bean
  @ConditionalOnBean(PrivateDocuments.class)
  EgretDocumentsController egretDocumentsController(PrivateDocuments documents, EgrettaCallerResolver callers,
      EgretExchange exchange, EgretApiController api) {
    return new EgretDocumentsController(documents, callers, exchange, api);
  }

  private static Path uploads(EgrettaProperties properties) {
    Path dir = properties.getHttp().getUploadsDir();
    return dir != null ? dir : properties.requireIndexDir().toAbsolutePath().resolveSibling("uploads");
  }
}
