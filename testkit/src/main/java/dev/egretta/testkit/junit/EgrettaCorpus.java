package dev.egretta.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class an {@link dev.egretta.core.Engine} over a small local corpus: the folder is
 * indexed into a temporary Lucene index once for the class, the engine is injected into any test,
 * lifecycle method or constructor parameter of type {@code Engine} (or {@code EgrettaEngine}, or
 * {@code LuceneKnowledgeBase} for the index itself), and everything is closed and deleted after
 * the class.
 *
 * <pre>{@code
 * @EgrettaCorpus("corpus")   // src/test/resources/corpus/**.pdf, .txt, .md
 * class PolicyAnswersTest {
 *   @Test
 *   void citesTheBackupPolicy(Engine engine) {
 *     QueryResponse r = engine.query(
 *         ValidatedQuery.of("How many backup copies?", "default", "default", Mode.COMPLIANCE), Organisation.LOCAL);
 *     assertThat(r.sources().getFirst().filename()).isEqualTo("backup.pdf");
 *   }
 * }
 * }</pre>
 *
 * Documents are filed by the layout {@code <domain>/pdf/<category>/<file>} (as in Egret's bucket);
 * files elsewhere in the folder get {@link #domain()} and {@link #category()}. Text files are UTF-8
 * and a form feed separates their pages. The engine uses the defaults of
 * {@link dev.egretta.core.EgrettaEngine#builder()} (extractive answers, in-memory sessions): no
 * network is needed.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(EgrettaCorpusExtension.class)
public @interface EgrettaCorpus {

  /**
   * The corpus folder: a folder on the test classpath (e.g. {@code "corpus"} for
   * {@code src/test/resources/corpus}), else a path relative to the working directory.
   */
  String value();

  /** The domain slug of documents outside the {@code <domain>/pdf/<category>/} layout. */
  String domain() default "default";

  /** The category code of documents outside the {@code <domain>/pdf/<category>/} layout. */
  String category() default "default";

  /** Whether a document that cannot be indexed (damaged, encrypted, empty) fails the class; default true. */
  boolean failOnRejected() default true;
}
