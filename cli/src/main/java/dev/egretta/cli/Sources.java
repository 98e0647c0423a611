package dev.egretta.cli;

import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.s3.S3Config;
import dev.egretta.s3.S3DocumentSource;
import dev.egretta.s3.S3Uri;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the document source a command line names: a local folder, or {@code s3://bucket/prefix}. */
final class Sources {
  private Sources() {}

  /** An open source and whatever must be closed with it. */
  record Opened(DocumentSource source, AutoCloseable resource) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (resource != null) {
        resource.close();
      }
    }
  }

  static Opened open(Context context, String location, String domain, String category, S3Options s3) {
    if (S3Uri.isS3(location)) {
      S3DocumentSource source = domain == null
          ? S3DocumentSource.of(s3Config(s3), location)
          : S3DocumentSource.of(s3Config(s3), location, new DomainCategory(domain, category));
      return new Opened(source, source);
    }
    if (location.regionMatches(true, 0, "s3:", 0, 3)) {
      throw new UsageException("an S3 location looks like s3://bucket/prefix; got '" + location + "'");
    }
    if (s3.endpoint != null || s3.pathStyle || s3.region != null) {
      throw new UsageException("--s3-endpoint, --s3-path-style and --s3-region apply to s3:// locations only");
    }
    Path folder = context.resolve(Path.of(location));
    if (!Files.isDirectory(folder)) {
      throw new CliFailure(Files.exists(folder) ? "not a folder: " + folder : "no such folder: " + folder);
    }
    LocalFolderSource source = LocalFolderSource.of(folder);
    return new Opened(domain == null ? source : source.withDefaults(domain, category), null);
  }

  /** The S3 settings of the command line (credentials always from the AWS default chain). */
  static S3Config s3Config(S3Options s3) {
    S3Config.Builder builder = S3Config.builder().pathStyleAccess(s3.pathStyle);
    if (s3.endpoint != null) {
      builder.endpointOverride(s3.endpoint);
    }
    if (s3.region != null) {
      builder.region(s3.region);
    }
    return builder.build();
  }
}
