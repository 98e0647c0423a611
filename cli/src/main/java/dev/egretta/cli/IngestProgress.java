package dev.egretta.cli;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.DocumentOutcome;
import dev.egretta.lucene.IngestListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error for an ingestion run; only shown on a terminal and never with --json. */
final class IngestProgress implements IngestListener, AutoCloseable {
  private final String task;
  private ProgressBar bar;

  private IngestProgress(String task) {
    this.task = task;
  }

  /** A progress bar when a person is watching, else a listener that does nothing. */
  static IngestProgress forContext(Context context, boolean json, String task) {
    return context.terminal() && !json ? new IngestProgress(task) : null;
  }

  /** The listener to hand to ingestion: {@code progress} itself, or {@link IngestListener#NONE}. */
  static IngestListener listener(IngestProgress progress) {
    return progress == null ? IngestListener.NONE : progress;
  }

  @Override
  public void started(int total) {
    bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" docs", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250)
        .build();
  }

  @Override
  public void documentStarted(SourceDocument document) {
    if (bar != null) {
      bar.setExtraMessage(document.filename());
    }
  }

  @Override
  public void documentFinished(SourceDocument document, DocumentOutcome outcome, String detail) {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.setExtraMessage("");
      bar.close();
    }
  }
}
