package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.s3.s3mock.S3MockExtension;
import dev.egretta.s3.s3mock.S3MockServer;
import dev.egretta.s3.s3mock.TestBucket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

@ExtendWith(S3MockExtension.class)
class S3DocumentSourceIT {

  private TestBucket bucket;
  private final RequestCounter requests = new RequestCounter();

  @BeforeEach
  void createBucket(S3MockServer server) {
    bucket = new TestBucket(server);
  }

  @AfterEach
  void closeBucket() {
    bucket.close();
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  private S3DocumentSource source(String prefix, int pageSize) {
    return S3DocumentSource.create(bucket.config(), S3Uri.parse(bucket.uri(prefix)), Optional.empty(), pageSize,
        List.of(requests));
  }

  private static Map<String, SourceDocument> byUri(List<SourceDocument> documents) {
    return documents.stream().collect(Collectors.toMap(SourceDocument::uri, Function.identity()));
  }

  @Test
  void listsEveryPageAndFilesPdfsByEgretLayout() {
    for (int i = 0; i < 7; i++) {
      bucket.put("business-continuity/pdf/us/plan-" + i + ".pdf", pdf("plan " + i));
    }
    bucket.put("cloud-security/pdf/sg/fedramp.PDF", pdf("fedramp"));
    bucket.put("cloud-security/pdf/sg/photo.png", "not a document type".getBytes(StandardCharsets.UTF_8));
    bucket.put("loose/file.pdf", pdf("not in the layout"));

    try (S3DocumentSource source = source("", 2)) {
      List<SourceDocument> documents = source.list();

      assertThat(documents).hasSize(8);
      assertThat(requests.count(ListObjectsV2Request.class)).as("pages of 2 over 10 keys").isEqualTo(5);
      SourceDocument fedramp = byUri(documents).get(bucket.uri("cloud-security/pdf/sg/fedramp.PDF"));
      assertThat(fedramp.filename()).isEqualTo("fedramp.PDF");
      assertThat(fedramp.domain()).isEqualTo("cloud-security");
      assertThat(fedramp.category()).isEqualTo("sg");
      assertThat(fedramp.size()).isEqualTo(pdf("fedramp").length);
      assertThat(fedramp.version()).isNotBlank();
      assertThat(documents).extracting(SourceDocument::domain).containsOnly("business-continuity", "cloud-security");
      assertThat(requests.count(GetObjectRequest.class)).as("listing downloads nothing").isZero();
    }
  }

  @Test
  void aPrefixIsAFolderAndNeverMatchesSiblingsWithTheSameStart() {
    bucket.put("library/risk/pdf/us/a.pdf", pdf("a"));
    bucket.put("library/risk/pdf/us/b.pdf", pdf("b"));
    bucket.put("library-old/risk/pdf/us/c.pdf", pdf("c"));

    try (S3DocumentSource withoutSlash = source("library", 1000);
        S3DocumentSource withSlash = source("library/", 1000);
        S3DocumentSource single = source("library/risk/pdf/us/a.pdf", 1000)) {
      assertThat(withoutSlash.list()).extracting(SourceDocument::filename).containsExactlyInAnyOrder("a.pdf", "b.pdf");
      assertThat(withSlash.list()).extracting(SourceDocument::filename).containsExactlyInAnyOrder("a.pdf", "b.pdf");
      assertThat(single.list()).extracting(SourceDocument::uri).containsExactly(bucket.uri("library/risk/pdf/us/a.pdf"));
    }
  }

  @Test
  void anExplicitMappingFilesEveryPdfUnderOneDomainAndCategory() {
    bucket.put("inbox/2026/report.pdf", pdf("report"));
    bucket.put("inbox/policy.pdf", pdf("policy"));

    try (S3DocumentSource source = S3DocumentSource.of(bucket.config(), bucket.uri("inbox"),
        new DomainCategory("information-security", "us"))) {
      assertThat(source.list()).hasSize(2)
          .allSatisfy(d -> {
            assertThat(d.domain()).isEqualTo("information-security");
            assertThat(d.category()).isEqualTo("us");
          });
    }
  }

  @Test
  void opensTheExactBytesAndTheVersionChangesOnlyWithTheContent() throws IOException {
    String key = "risk/pdf/us/policy.pdf";
    byte[] original = pdf("original");
    bucket.put(key, original);

    try (S3DocumentSource source = source("", 1000)) {
      SourceDocument first = source.list().get(0);
      try (InputStream in = source.open(first)) {
        assertThat(in.readAllBytes()).isEqualTo(original);
      }
      bucket.put(key, original);
      assertThat(source.list().get(0).version()).as("same bytes re-uploaded").isEqualTo(first.version());

      byte[] changed = pdf("changed!");
      bucket.put(key, changed);
      SourceDocument second = source.list().get(0);
      assertThat(second.version()).isNotEqualTo(first.version());
      try (InputStream in = source.open(second)) {
        assertThat(in.readAllBytes()).isEqualTo(changed);
      }
    }
  }

  @Test
  void openingAnObjectChangedOrDeletedSinceTheListingIsAPerObjectError() {
    bucket.put("risk/pdf/us/a.pdf", pdf("a"));
    bucket.put("risk/pdf/us/b.pdf", pdf("b"));

    try (S3DocumentSource source = source("", 1000)) {
      Map<String, SourceDocument> listed = byUri(source.list());
      bucket.put("risk/pdf/us/a.pdf", pdf("a, edited after the listing"));
      bucket.delete("risk/pdf/us/b.pdf");

      assertThatThrownBy(() -> source.open(listed.get(bucket.uri("risk/pdf/us/a.pdf"))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(bucket.uri("risk/pdf/us/a.pdf"))
          .hasMessageContaining("changed since it was listed");
      assertThatThrownBy(() -> source.open(listed.get(bucket.uri("risk/pdf/us/b.pdf"))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(bucket.uri("risk/pdf/us/b.pdf"))
          .hasMessageContaining("no longer exists");
    }
  }

  @Test
  void closingALargeObjectEarlyDoesNotDownloadTheRest() throws IOException {
    byte[] large = new byte[8 * 1024 * 1024];
    Arrays.fill(large, (byte) 'x');
    bucket.put("risk/pdf/us/large.pdf", large);

    try (S3DocumentSource source = source("", 1000)) {
      SourceDocument document = source.list().get(0);
      long started = System.nanoTime();
      try (InputStream in = source.open(document)) {
        assertThat(in.readNBytes(16)).hasSize(16);
      }
      try (InputStream in = source.open(document)) {
        assertThat(in.readAllBytes()).hasSize(large.length);
      }
      assertThat((System.nanoTime() - started) / 1_000_000).as("ms for an aborted and a full read").isLessThan(20_000);
    }
  }

  @Test
  void aMissingBucketIsAConfigurationErrorNamingIt() {
    try (S3DocumentSource source = S3DocumentSource.of(bucket.config(), "s3://no-such-bucket-egretta/x")) {
      assertThatThrownBy(source::list)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("no such bucket")
          .hasMessageContaining("s3://no-such-bucket-egretta/x");
    }
  }

  @Test
  void anUnreachableStoreIsAnUpstreamErrorNamingTheEndpoint() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    S3Config unreachable = S3Config.builder().endpointOverride("http://127.0.0.1:" + closedPort).pathStyleAccess(true)
        .region("us-east-1").staticCredentials("k", "s").build();
    try (S3DocumentSource source = S3DocumentSource.of(unreachable, "s3://some-bucket/docs")) {
      assertThatThrownBy(source::list)
          .isInstanceOf(UpstreamException.class)
          .hasMessageContaining("http://127.0.0.1:" + closedPort)
          .hasMessageContaining("s3://some-bucket/docs");
    }
  }

  @Test
  void aDocumentOfAnotherBucketIsRejected() {
    try (S3DocumentSource source = source("", 1000)) {
      SourceDocument foreign = new SourceDocument("s3://other-bucket/a/pdf/b/c.pdf", "c.pdf", "a", "b", 1, "x;1");
      assertThatThrownBy(() -> source.open(foreign)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("s3://other-bucket/a/pdf/b/c.pdf");
    }
  }
}
