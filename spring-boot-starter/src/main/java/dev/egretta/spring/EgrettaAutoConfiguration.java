package dev.egretta.spring;

import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.EgrettaEngineBuilder;
import dev.egretta.core.Engine;
import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.core.session.InMemorySessionStore;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.LinkSigner;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.Retriever;
import dev.egretta.lucene.LuceneKnowledgeBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The engine and its parts from {@code egretta.*} properties. Every bean backs off when the
 * application defines its own of the same type: a {@link Retriever} (or a whole {@link Engine}), a
 * {@link SessionStore}, an {@link AnswerGenerator} with its {@link ModelCatalog}, a
 * {@link LinkSigner}, {@link EgrettaMetrics}. The engine closes the index and the session store.
 */
@AutoConfiguration
@EnableConfigurationProperties(EgrettaProperties.class)
@Import({EgrettaOptionalConfigurations.Bedrock.class, EgrettaOptionalConfigurations.S3.class,
    EgrettaOptionalConfigurations.Health.class})
public class EgrettaAutoConfiguration {

  /** The Lucene index at {@code egretta.index-dir}; the documents folder is indexed into it at start-up. */
  @Bean(destroyMethod = "") // the engine closes it
  @ConditionalOnMissingBean({Retriever.class, Engine.class})
  LuceneKnowledgeBase egrettaKnowledgeBase(EgrettaProperties properties, EgrettaMetrics metrics,
      ObjectProvider<StartupSource> sources) {
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(properties.requireIndexDir());
    try {
      StartupIngestion.run(kb, properties, sources.orderedStream().toList(), metrics);
      return kb;
    } catch (RuntimeException e) {
      kb.close();
      throw e;
    }
  }

  /** {@code egretta.sessions.store}: the application's DataSource when it has one, else SQLite beside the index. */
  @Bean(destroyMethod = "") // the engine closes it
  @ConditionalOnMissingBean({SessionStore.class, Engine.class})
  SessionStore egrettaSessionStore(EgrettaProperties properties, ObjectProvider<DataSource> dataSource) {
    EgrettaProperties.Sessions s = properties.getSessions();
    String store = s.getStore() == null ? "auto" : s.getStore().strip().toLowerCase(Locale.ROOT);
    return switch (store) {
      case "auto" -> {
        DataSource ds = dataSource.getIfUnique();
        yield ds != null ? JdbcSessionStore.open(ds) : sqlite(properties);
      }
      case "sqlite" -> sqlite(properties);
      case "datasource" -> {
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
          throw new IllegalStateException("egretta.sessions.store=datasource, but the application has no single "
              + "DataSource bean; configure spring.datasource.* or choose sqlite");
        }
        yield JdbcSessionStore.open(ds);
      }
      case "memory" -> new InMemorySessionStore();
      default -> throw new IllegalArgumentException("egretta.sessions.store must be auto, sqlite, datasource or memory; "
          + "got '" + s.getStore() + "'");
    };
  }

  private static SessionStore sqlite(EgrettaProperties properties) {
    Path file = properties.getSessions().getFile();
    return file != null ? JdbcSessionStore.sqlite(file) : JdbcSessionStore.besideIndex(properties.requireIndexDir());
  }

  /** Spring's meter and observation registries when the application has them (Actuator); otherwise nothing is recorded. */
  @Bean
  @ConditionalOnMissingBean
  EgrettaMetrics egrettaMetrics(ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
    MeterRegistry registry = meters.getIfUnique();
    if (registry == null) {
      return EgrettaMetrics.NOOP;
    }
    ObservationRegistry observationRegistry = observations.getIfUnique();
    return observationRegistry == null ? EgrettaMetrics.of(registry) : EgrettaMetrics.of(registry, observationRegistry);
  }

  /** The engine over the parts above (or the application's own), then every {@link EgrettaEngineCustomizer}. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  Engine egrettaEngine(Retriever retriever, SessionStore sessions, EgrettaMetrics metrics,
      ObjectProvider<AnswerGenerator> generator, ObjectProvider<ModelCatalog> catalog,
      ObjectProvider<LinkSigner> linkSigner, ObjectProvider<EgrettaEngineCustomizer> customizers) {
    EgrettaEngineBuilder builder = EgrettaEngine.builder().retriever(retriever).sessionStore(sessions).metrics(metrics);
    if (retriever instanceof LuceneKnowledgeBase kb) {
      builder.tokenCounter(kb::countTokens);
    }
    generator.ifUnique(builder::generator);
    catalog.ifUnique(builder::modelCatalog);
    linkSigner.ifUnique(builder::linkSigner);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }
}
