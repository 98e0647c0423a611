package dev.egretta.spring;

import dev.egretta.core.Organisation;
import dev.egretta.server.ApiKeys;
import dev.egretta.testsupport.TestPdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small business-continuity corpus of generated PDFs and a keys file, in a fresh temporary folder. */
final class TestCorpus {
  final Path root;
  final Path documents;
  final Path index;
  final Path keysFile;
  final String key;

  private TestCorpus(Path root, String key) {
    this.root = root;
    this.documents = root.resolve("documents");
    this.index = root.resolve("index");
    this.keysFile = root.resolve("keys.txt");
    this.key = key;
  }

  static TestCorpus create(String org) {
    try {
      Path root = Files.createTempDirectory("egretta-spring-");
      ApiKeys.GeneratedKey key = ApiKeys.generate(Organisation.of(org));
      TestCorpus c = new TestCorpus(root, key.key());
      ApiKeys.append(c.keysFile, key);
      TestPdfs.write(c.documents.resolve("business-continuity/pdf/us/continuity-plan.pdf"), List.of(
          "Business Continuity Plan\n\nPayment processing, including wire transfers and ACH, has a recovery time "
              + "objective of 4 hours and a recovery point objective of 15 minutes.",
          "Plan approval\n\nThe contingency plan is approved by the Chief Information Officer and reviewed "
              + "annually after the yearly test of the recovery procedures."));
      TestPdfs.write(c.documents.resolve("business-continuity/pdf/us/incident-response.pdf"), List.of(
          "Incident reporting\n\nSecurity incidents must be reported to the incident response team within one "
              + "hour of discovery. The team notifies the privacy officer when personal data is involved."));
      return c;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
