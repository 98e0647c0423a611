package dev.egretta.testkit.engine;

import dev.egretta.core.Organisation;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.testsupport.TestPdfs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A small library of generated PDFs, indexed once per test class with the real Lucene knowledge
 * base: a public business-continuity and information-security library, and for each of three
 * organisations a near-identical private memo that differs only in a unique canary token.
 */
final class Fixture {

  static final List<Organisation> ORGS = List.of(Organisation.of("acme"), Organisation.of("globex"),
      Organisation.of("initech"));

  static String canary(Organisation o) {
    return "QZ" + o.id().toUpperCase(Locale.ROOT) + "X91";
  }

  static void writeLibrary(Path root) throws IOException {
    TestPdfs.write(root.resolve("public/business-continuity/pdf/us/continuity_plan_procedure.pdf"), List.of(
        "Continuity Plan Procedure. This procedure describes how agencies prepare for disruptions of their "
            + "information systems. It applies to every system owner and every information security officer. "
            + "Each office keeps a list of its essential functions, the people who perform them and the systems they "
            + "depend on, and updates that list whenever the organisation changes.",
        "Contingency plan approval. The contingency plan of each system is approved by the Chief Information "
            + "Officer after review by the system owner. The contingency plan must be reviewed every year and after "
            + "each major change to the system. Approved plans are stored in the agency plan repository.",
        "Incident reporting. Personnel must report suspected security incidents to the incident response team "
            + "within one hour of discovery. The incident response team notifies the privacy officer when personal "
            + "data is involved in the incident.",
        "Contingency training. Staff with contingency roles receive contingency training within thirty days of "
            + "taking on the role, and refresher training every year. Training records are kept for three years."));
    TestPdfs.write(root.resolve("public/information-security/pdf/us/audit_logging_procedure.pdf"), List.of(
        "Audit logging procedure. Audit records are retained for at least three years. Audit records capture "
            + "logons, use of privileges and changes to security settings.",
        "Time stamps. Systems use internal clocks synchronised with the agency time source to time stamp audit "
            + "records."));
    for (Organisation o : ORGS) {
      TestPdfs.write(root.resolve("private-" + o.id() + "/business-continuity/pdf/us/internal_recovery_memo.pdf"),
          List.of("Internal recovery memo. Our recovery site codename is " + canary(o) + ". Backups of the "
              + "recovery site are verified every Friday by the recovery site team. The recovery site manager is "
              + "reachable through the codename " + canary(o) + " hotline."));
    }
  }

  static LuceneKnowledgeBase index(Path root, Path indexDir) {
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir);
    kb.ingest(LocalFolderSource.of(root.resolve("public")), IngestOptions.publicLibrary(), IngestListener.NONE);
    for (Organisation o : ORGS) {
      kb.ingest(LocalFolderSource.of(root.resolve("private-" + o.id())), IngestOptions.privateTo(o), IngestListener.NONE);
    }
    return kb;
  }
}
