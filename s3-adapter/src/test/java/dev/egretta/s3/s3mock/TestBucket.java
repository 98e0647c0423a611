package dev.egretta.s3.s3mock;

import dev.egretta.s3.S3Config;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A fresh bucket on an {@link S3MockServer} with a plain SDK client to fill it (the tests' side, not the code under test). */
public final class TestBucket implements AutoCloseable {

  private final S3MockServer server;
  private final S3Client client;
  private final String name;

  public TestBucket(S3MockServer server) {
    this.server = server;
    this.client = S3Client.builder()
        .endpointOverride(server.endpoint())
        .region(Region.of(S3MockServer.REGION))
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
    this.name = "egretta-" + UUID.randomUUID().toString().substring(0, 8);
    client.createBucket(b -> b.bucket(name));
  }

  public String name() {
    return name;
  }

  /** {@code s3://<bucket>/<key>}. */
  public String uri(String key) {
    return "s3://" + name + "/" + key;
  }

  public void put(String key, byte[] bytes) {
    client.putObject(b -> b.bucket(name).key(key), RequestBody.fromBytes(bytes));
  }

  public void delete(String key) {
    client.deleteObject(b -> b.bucket(name).key(key));
  }

  /** The configuration the code under test uses to reach this server. */
  public S3Config config() {
    return S3Config.builder()
        .endpointOverride(server.endpoint())
        .pathStyleAccess(true)
        .region(S3MockServer.REGION)
        .staticCredentials(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)
        .build();
  }

  @Override
  public void close() {
    client.close();
  }
}
