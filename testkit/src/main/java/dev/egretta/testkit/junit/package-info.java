/**
 * A JUnit 5 extension for application tests over a small local corpus.
 *
 * <p>Put PDFs (or UTF-8 {@code .txt} / {@code .md} files) in a folder under
 * {@code src/test/resources}, annotate the test class with {@link dev.egretta.testkit.junit.EgrettaCorpus},
 * and take an {@link dev.egretta.core.Engine} as a parameter. The folder is indexed once per test
 * class into a temporary Lucene index (real parsing, chunking and embedding, no network), and the
 * engine and index are closed and deleted after the class:
 *
 * <pre>{@code
 * // src/test/resources/corpus/business-continuity/pdf/us/backup.pdf
 * @EgrettaCorpus("corpus")
 * class BackupAnswersTest {
 *   @Test
 *   void citesTheBackupPolicy(Engine engine) {
 *     QueryResponse r = engine.query(ValidatedQuery.of("How many copies of critical data must be kept?",
 *         "business-continuity", "us", Mode.COMPLIANCE), Organisation.LOCAL);
 *     assertThat(r.sources().getFirst().filename()).isEqualTo("backup.pdf");
 *     assertThat(r.response()).contains("[Source 1]");
 *   }
 * }
 * }</pre>
 *
 * Files in the {@code <domain>/pdf/<category>/} layout are filed by it; others get the
 * annotation's {@code domain} and {@code category} (default {@code default}/{@code default}).
 * Parameters of type {@code EgrettaEngine} and {@code LuceneKnowledgeBase} are injected too, in
 * test methods, {@code @BeforeAll}/{@code @BeforeEach} methods and constructors; {@code @Nested}
 * classes share their enclosing class's engine. A document that cannot be indexed fails the class
 * with its name and the reason, unless {@code failOnRejected = false}.
 */
package dev.egretta.testkit.junit;
