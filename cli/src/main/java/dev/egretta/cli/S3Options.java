package dev.egretta.cli;

import picocli.CommandLine.Option;

/** How to reach S3 for {@code s3://} sources and signed download links. */
final class S3Options {
  @Option(names = "--s3-endpoint", paramLabel = "URL",
      description = "S3 endpoint override (e.g. MinIO or a local S3-compatible server).")
  String endpoint;

  @Option(names = "--s3-path-style",
      description = "Use path-style S3 URLs (http://host/bucket/key), as most S3-compatible servers need.")
  boolean pathStyle;

  @Option(names = "--s3-region", paramLabel = "REGION",
      description = "AWS region of the bucket (default: the AWS region chain, e.g. AWS_REGION).")
  String region;
}
