package dev.egretta.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what one organisation must never see in a response body of the isolation matrix: another
 * organisation's canary string, private file name, upload folder or document id, or a server path.
 * Organisations are {@code orgNN}; every marker names its owner's two digits, so a marker whose
 * digits are not the caller's is a leak, whatever else the body holds.
 */
final class LeakScan {
  /** A private document's canary: {@code canary<NN>x<8 hex>}; one token, so it survives chunking and extraction. */
  static final Pattern MARKER = Pattern.compile("canary(\\d{2})x[0-9a-f]{8}|org(\\d{2})-ledger-|uploads/org(\\d{2})/");
  private static final Pattern ANY_CANARY = Pattern.compile("canary\\d{2}x[0-9a-f]{8}");

  private final List<String> serverPaths;
  private final java.util.Map<Integer, List<String>> documentIds;

  LeakScan(List<String> serverPaths, java.util.Map<Integer, List<String>> documentIds) {
    this.serverPaths = List.copyOf(serverPaths);
    this.documentIds = java.util.Map.copyOf(documentIds);
  }

  static String canary(int org, String hex) {
    return "canary%02dx%s".formatted(org, hex);
  }

  /** The leaks in {@code body} for caller {@code org}: foreign markers and server paths, each once per kind. */
  List<String> leaks(int org, String body) {
    List<String> found = new ArrayList<>();
    Matcher m = MARKER.matcher(body);
    while (m.find()) {
      String digits = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      if (Integer.parseInt(digits) != org) {
        found.add("foreign marker " + m.group());
      }
    }
    documentIds.forEach((owner, ids) -> {
      if (owner != org) {
        ids.stream().filter(body::contains).forEach(id -> found.add("foreign document id " + id));
      }
    });
    for (String path : serverPaths) {
      if (body.contains(path)) {
        found.add("server path " + path);
      }
    }
    return found;
  }

  /** Whether a public-scope answer holds any private canary at all, the caller's own included. */
  static boolean hasAnyCanary(String body) {
    return ANY_CANARY.matcher(body).find();
  }

  /** Whether {@code body} holds the caller's own canary (the positive control: canaries are findable). */
  static boolean hasOwnCanary(int org, String body) {
    return body.contains("canary%02dx".formatted(org));
  }
}
