package dev.egretta.spring;

import dev.egretta.bedrock.BedrockAnswerGenerator;
import dev.egretta.bedrock.BedrockConfig;
import dev.egretta.bedrock.BedrockModelCatalog;
import dev.egretta.core.Engine;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.LinkSigner;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.Retriever;
import dev.egretta.s3.S3Config;
import dev.egretta.s3.S3DocumentSource;
import dev.egretta.s3.S3LinkSigner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts that need an optional module on the class path: Bedrock, S3, Actuator health. */
final class EgrettaOptionalConfigurations {
  private EgrettaOptionalConfigurations() {}

  /** {@code egretta.generator=bedrock}: answers from Amazon Bedrock ({@code egretta-bedrock-adapter} on the class path). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.egretta.bedrock.BedrockAnswerGenerator")
  @ConditionalOnProperty(prefix = "egretta", name = "generator", havingValue = "bedrock")
  static class Bedrock {
    @Bean
    @ConditionalOnMissingBean(AnswerGenerator.class)
    BedrockAnswerGenerator egrettaBedrockGenerator(EgrettaProperties properties) {
      BedrockConfig.Builder config = BedrockConfig.builder();
      EgrettaProperties.Bedrock b = properties.getBedrock();
      if (b.getRegion() != null) {
        config.region(b.getRegion());
      }
      if (b.getEndpoint() != null) {
        config.endpointOverride(java.net.URI.create(b.getEndpoint()));
      }
      return BedrockAnswerGenerator.create(config.build());
    }

    @Bean
    @ConditionalOnMissingBean(ModelCatalog.class)
    ModelCatalog egrettaBedrockCatalog() {
      return BedrockModelCatalog.create();
    }
  }

  /** {@code egretta.s3.uri}: PDFs in S3 indexed at start-up and signed download links in the answers. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.egretta.s3.S3DocumentSource")
  @ConditionalOnProperty(prefix = "egretta.s3", name = "uri")
  static class S3 {
    @Bean
    @ConditionalOnMissingBean
    S3Config egrettaS3Config(EgrettaProperties properties) {
      EgrettaProperties.S3 s = properties.getS3();
      S3Config.Builder config = S3Config.builder().pathStyleAccess(s.isPathStyle());
      if (s.getRegion() != null) {
        config.region(s.getRegion());
      }
      if (s.getEndpoint() != null) {
        config.endpointOverride(s.getEndpoint());
      }
      return config.build();
    }

    @Bean
    StartupSource egrettaS3Source(S3Config config, EgrettaProperties properties) {
      return new StartupSource(properties.getS3().getUri(), S3DocumentSource.of(config, properties.getS3().getUri()));
    }

    @Bean
    @ConditionalOnMissingBean(LinkSigner.class)
    S3LinkSigner egrettaS3LinkSigner(S3Config config) {
      return S3LinkSigner.of(config);
    }
  }

  /** Actuator's {@code egretta} health contributor: index open, model ready, session store reachable. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "egrettaHealthIndicator")
    EgrettaHealthIndicator egrettaHealthIndicator(Engine engine, ObjectProvider<Retriever> retriever,
        ObjectProvider<SessionStore> sessions) {
      return new EgrettaHealthIndicator(engine, retriever.getIfUnique(), sessions.getIfUnique());
    }
  }
}
