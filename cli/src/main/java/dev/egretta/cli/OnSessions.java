package dev.egretta.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** What every {@code egretta sessions} command shares: the index, the organisation, JSON output and the context. */
abstract class OnSessions implements Callable<Integer> {
  @Mixin IndexOption index;
  @Mixin OrgOption org;
  @Mixin JsonOption json;

  final Context context;

  OnSessions(Context context) {
    this.context = context;
  }
}
