package dev.egretta.cli;

import dev.egretta.eval.answers.AnswerEvaluator;
import dev.egretta.eval.answers.AnswerMetrics;
import dev.egretta.eval.answers.AnswerQuestion;
import dev.egretta.eval.answers.AnswerQuestions;
import dev.egretta.eval.answers.AnswerRow;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egretta eval-answers}: the whole engine per question of a question file, scored at the answer level. */
@Command(name = "eval-answers", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Ask every question of a question file (one JSON object per line: id, question, domain, category, "
        + "answerable, and for answerable ones file, pages, evidence, answer_keywords; see eval/pdf-qa/README.md) "
        + "in compliance mode and score the responses: page hit@5, evidence hit@5, answer keyword recall (the share "
        + "of a question's keywords in its response, averaged over answerable questions), unanswerable flagged, "
        + "answerable falsely flagged, dangling citations. Sessions are not stored.",
        "--json prints {\"metrics\": {...}, \"questions\": [one row per question]}."})
final class EvalAnswersCommand implements Callable<Integer> {
  @Option(names = "--questions", required = true, paramLabel = "FILE", description = "The question file (.jsonl).")
  Path questions;

  @Mixin IndexOption index;
  @Mixin GeneratorOptions generator;
  @Mixin JsonOption json;

  private final Context context;

  EvalAnswersCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    generator.check();
    Path file = context.resolve(questions);
    if (!Files.isRegularFile(file)) {
      throw new CliFailure("no such questions file: " + file);
    }
    List<AnswerQuestion> qs;
    try {
      qs = AnswerQuestions.read(file);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path indexDir = index.existingIndex(context);
    List<AutoCloseable> resources = new ArrayList<>();
    List<AnswerRow> rows;
    try (AnswerEvaluator eval = AnswerEvaluator.open(LuceneKnowledgeBase.openReadOnly(indexDir),
        builder -> OpenEngine.useGenerator(builder, generator, resources))) {
      int[] done = {0};
      rows = eval.evaluate(qs, row -> {
        if (!json.json && ++done[0] % 10 == 0) {
          context.note("  " + done[0] + " of " + qs.size() + " questions");
        }
      });
    } finally {
      OpenEngine.closeAll(resources, null);
    }
    AnswerMetrics m = AnswerMetrics.of(rows);
    if (json.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("metrics", m.byName());
      out.put("questions", rows.stream().map(EvalAnswersCommand::row).toList());
      context.printJson(out);
      return Egretta.OK;
    }
    Table table = Table.of("metric", "value", "of").right(1, 2);
    table.row("page hit@5", f(m.pageHit5()), m.answerable() + " answerable");
    table.row("evidence hit@5", f(m.evidenceHit5()), m.answerable() + " answerable");
    table.row("answer keyword recall", f(m.keywordRecall()), m.answerable() + " answerable");
    table.row("unanswerable flagged", m.unanswerableFlagged(), m.unanswerable() + " unanswerable");
    table.row("answerable falsely flagged", m.answerableFlagged(), m.answerable() + " answerable");
    table.row("dangling citations", m.danglingCitations(), m.questions() + " responses");
    context.print(table.render());
    context.out().flush();
    return Egretta.OK;
  }

  private static Map<String, Object> row(AnswerRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("answerable", r.answerable());
    m.put("insufficient_context", r.insufficientContext());
    if (r.answerable()) {
      m.put("page_hit@5", r.pageHit());
      m.put("evidence_hit@5", r.evidenceHit());
      m.put("keyword_recall", r.keywordRecall());
    }
    m.put("dangling_citations", r.danglingCitations());
    m.put("sources", r.sources());
    return m;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
