package dev.egretta.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics over repeated measurements (nearest-rank percentiles, medians). */
public final class Stats {
  private Stats() {}

  /** The {@code p}-th percentile (0 < p <= 100) by nearest rank; NaN for no values. */
  public static double percentile(double[] values, double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]; got " + p);
    }
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The median (mean of the two middle values for an even count); NaN for no values. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  public static double median(List<? extends Number> values) {
    return median(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  /** The smallest value; NaN for no values. */
  public static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  public static double min(List<? extends Number> values) {
    return min(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  /** The largest value; NaN for no values. */
  public static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  /** {@code a / b}, or NaN when either is missing or b is zero. */
  public static double ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
      return Double.NaN;
    }
    return a / b;
  }
}
