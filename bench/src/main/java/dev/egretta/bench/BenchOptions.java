package dev.egretta.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link BenchRunner}.
 *
 * @param quick the ~5-minute variant: one repetition, 10k synthetic chunks only, short JMH
 * @param with1m add the 1M-chunk synthetic corpus (about 15 more minutes on 2 cores; up to an hour on a busy machine)
 * @param outDir where RESULTS.md, the plot and the raw JSON go
 * @param shared the shared data folder (holds {@code corpus/} and {@code eval/scifact/})
 * @param workDir scratch space for indexes (deleted as the run goes)
 * @param cacheDir where the SciFact index and the launcher's AOT caches ({@code launcher/}) are kept between runs
 * @param skip steps to leave out: ingest, coldstart, scifact, synthetic, jmh
 * @param reps repetitions of the side-by-side and cold-start measurements; 0 = the default (3, or 1 with --quick)
 */
public record BenchOptions(
    boolean quick, boolean with1m, Path outDir, Path shared, Path workDir, Path cacheDir, List<String> skip, int reps) {
  static final String USAGE = """
      usage: BenchRunner [--quick] [--with-1m] [--reps N] [--out DIR] [--shared DIR] [--work DIR] [--cache DIR] [--skip STEP,...]
        --quick      ~5 minutes: 1 repetition, 10k synthetic chunks, short JMH (default: full run, ~10 minutes)
        --with-1m    add the 1M-chunk synthetic corpus (float and int8; about 15 more minutes on 2 cores, up to an hour on a busy machine)
        --reps N     repetitions of the side-by-side and cold-start measurements (default 3; 1 with --quick)
        --out DIR    results folder (default bench/results)
        --shared DIR shared data with corpus/ and eval/scifact/ (default ../shared)
        --work DIR   scratch folder for indexes (default: a temporary folder)
        --cache DIR  keeps the SciFact index and bin/egretta's AOT caches between runs (default: <tmp>/egretta-bench-cache)
        --skip LIST  leave out steps: ingest, coldstart, scifact, synthetic, jmh
      """;

  public static BenchOptions parse(String... args) {
    boolean quick = false;
    boolean with1m = false;
    Path out = Path.of("bench", "results");
    Path shared = Path.of("..", "shared");
    Path work = null;
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "egretta-bench-cache");
    List<String> skip = new ArrayList<>();
    int reps = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> quick = true;
        case "--with-1m" -> with1m = true;
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--reps" -> {
          String n = value(args, ++i, a);
          try {
            reps = Integer.parseInt(n);
          } catch (NumberFormatException e) {
            reps = -1;
          }
          if (reps < 1 || reps > 50) {
            throw new IllegalArgumentException("--reps must be a number from 1 to 50; got '" + n + "'\n" + USAGE);
          }
        }
        case "--shared" -> shared = Path.of(value(args, ++i, a));
        case "--work" -> work = Path.of(value(args, ++i, a));
        case "--cache" -> cache = Path.of(value(args, ++i, a));
        case "--skip" -> {
          for (String s : value(args, ++i, a).split(",")) {
            String step = s.strip();
            if (!List.of("ingest", "coldstart", "scifact", "synthetic", "jmh").contains(step)) {
              throw new IllegalArgumentException("unknown step to skip: '" + step + "'\n" + USAGE);
            }
            skip.add(step);
          }
        }
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> throw new IllegalArgumentException("unknown option: '" + a + "'\n" + USAGE);
      }
    }
    if (work == null) {
      work = Path.of(System.getProperty("java.io.tmpdir"), "egretta-bench-work-" + ProcessHandle.current().pid());
    }
    return new BenchOptions(quick, with1m, out, shared, work, cache, List.copyOf(skip), reps);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  public boolean runs(String step) {
    return !skip.contains(step);
  }

  /** Repetitions of each side-by-side measurement (medians are reported). */
  public int repetitions() {
    return reps > 0 ? reps : quick ? 1 : 3;
  }

  /** Synthetic corpus sizes in chunks. */
  public List<Integer> syntheticSizes() {
    List<Integer> sizes = new ArrayList<>(quick ? List.of(10_000) : List.of(10_000, 100_000));
    if (with1m) {
      sizes.add(1_000_000);
    }
    return sizes;
  }
}
