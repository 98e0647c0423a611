package dev.egretta.eval.answerability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} and {@code --flag} arguments of this package's mains. */
final class CommandLine {
  private CommandLine() {}

  /** The options; on an unknown or incomplete one, its message on stderr and exit code 2 (as the other eval mains). */
  static Map<String, String> parseOrExit(String[] args, Set<String> valued, Set<String> flags, String usage) {
    try {
      return parse(args, valued, flags);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: " + usage);
      System.exit(2);
      return Map.of();
    }
  }

  static Map<String, String> parse(String[] args, Set<String> valued, Set<String> flags) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (key != null && flags.contains(key)) {
        out.put(key, "true");
      } else if (key != null && valued.contains(key)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + key + " needs a value");
        }
        out.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    return out;
  }

  static int positiveInt(Map<String, String> options, String key, int fallback) {
    return intOrExit(options, key, fallback, Integer.MAX_VALUE);
  }

  /** An option's whole number in 0..max ({@code fallback} when absent); on another value, its message on stderr and exit code 2. */
  static int intOrExit(Map<String, String> options, String key, int fallback, int max) {
    try {
      return intOption(options, key, fallback, max);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return fallback;
    }
  }

  static int intOption(Map<String, String> options, String key, int fallback, int max) {
    String v = options.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + key + " must be a whole number " + (max == Integer.MAX_VALUE ? ">= 0" : "0.." + max)
        + "; got '" + v + "'");
  }
}
