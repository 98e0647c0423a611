package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.s3.s3mock.S3MockExtension;
import dev.egretta.s3.s3mock.S3MockServer;
import dev.egretta.s3.s3mock.TestBucket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(S3MockExtension.class)
class S3LinkSignerIT {

  @Test
  void aSignedLinkDownloadsTheDocumentsBytesWithAPlainHttpClient(S3MockServer server)
      throws IOException, InterruptedException {
    byte[] pdf = new byte[300_000];
    new Random(42).nextBytes(pdf);
    String key = "business-continuity/pdf/us/contingency plan.pdf";
    try (TestBucket bucket = new TestBucket(server);
        S3LinkSigner signer = S3LinkSigner.builder(bucket.config()).expiry(Duration.ofMinutes(5)).build()) {
      bucket.put(key, pdf);

      String url = signer.downloadUrl(bucket.uri(key)).orElseThrow();
      HttpResponse<byte[]> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

      assertThat(url).startsWith(server.endpoint() + "/" + bucket.name() + "/");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(pdf);
      SignedUrl signed = SignedUrl.parse(url);
      assertThat(signed.param("X-Amz-Expires")).isEqualTo("300");
      assertThat(signed.signatureValid(S3MockServer.SECRET_KEY)).isTrue();
    }
  }

  @Test
  void keysWithSpacesPlusSignsAndNonAsciiLettersSurviveListingReadingAndSigning(S3MockServer server)
      throws IOException, InterruptedException {
    String key = "risk-management/pdf/us/Due diligence + résumé (ü) 50%.pdf";
    byte[] pdf = "%PDF-1.4\n% awkward key\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (TestBucket bucket = new TestBucket(server);
        S3DocumentSource source = S3DocumentSource.of(bucket.config(), bucket.uri(""));
        S3LinkSigner signer = S3LinkSigner.of(bucket.config())) {
      bucket.put(key, pdf);

      var listed = source.list();
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).uri()).isEqualTo(bucket.uri(key));
      assertThat(listed.get(0).filename()).isEqualTo("Due diligence + résumé (ü) 50%.pdf");
      try (var in = source.open(listed.get(0))) {
        assertThat(in.readAllBytes()).isEqualTo(pdf);
      }
      String url = signer.downloadUrl(listed.get(0).uri()).orElseThrow();
      HttpResponse<byte[]> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(pdf);
      assertThat(SignedUrl.parse(url).signatureValid(S3MockServer.SECRET_KEY)).isTrue();
    }
  }
}
