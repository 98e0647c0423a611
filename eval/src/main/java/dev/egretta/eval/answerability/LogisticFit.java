package dev.egretta.eval.answerability;

import java.util.List;

/**
 * L2-regularised logistic regression by Newton's method on standardised features, with sample
 * weights. Small and exact: the answerability model has 14 features and a few thousand rows.
 */
final class LogisticFit {

  /** The fitted model on the original scale: standardisation means and scales, weights, bias. */
  record Model(double[] mean, double[] scale, double[] weights, double bias) {
    double probability(double[] x) {
      double z = bias;
      for (int i = 0; i < x.length; i++) {
        z += weights[i] * (x[i] - mean[i]) / scale[i];
      }
      return 1 / (1 + Math.exp(-z));
    }
  }

  private LogisticFit() {}

  static Model fit(List<double[]> xs, List<Integer> ys, List<Double> sampleWeights, double lambda) {
    int n = xs.size();
    int d = xs.getFirst().length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    double wsum = 0;
    for (int r = 0; r < n; r++) {
      wsum += sampleWeights.get(r);
      for (int i = 0; i < d; i++) {
        mean[i] += sampleWeights.get(r) * xs.get(r)[i];
      }
    }
    for (int i = 0; i < d; i++) {
      mean[i] /= wsum;
    }
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < d; i++) {
        double c = xs.get(r)[i] - mean[i];
        scale[i] += sampleWeights.get(r) * c * c;
      }
    }
    for (int i = 0; i < d; i++) {
      scale[i] = Math.sqrt(scale[i] / wsum);
      if (!(scale[i] > 1e-9)) {
        scale[i] = 1;
      }
    }
    // beta[0] = bias, beta[1..d] = weights on standardised features
    double[] beta = new double[d + 1];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[d + 1];
      double[][] hess = new double[d + 1][d + 1];
      for (int r = 0; r < n; r++) {
        double[] z = standardised(xs.get(r), mean, scale);
        double eta = beta[0];
        for (int i = 0; i < d; i++) {
          eta += beta[i + 1] * z[i];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double w = sampleWeights.get(r);
        double g = w * (ys.get(r) - p);
        double h = w * p * (1 - p);
        for (int i = 0; i <= d; i++) {
          double zi = i == 0 ? 1 : z[i - 1];
          grad[i] += g * zi;
          for (int j = 0; j <= d; j++) {
            double zj = j == 0 ? 1 : z[j - 1];
            hess[i][j] += h * zi * zj;
          }
        }
      }
      for (int i = 1; i <= d; i++) {
        grad[i] -= lambda * wsum * beta[i];
        hess[i][i] += lambda * wsum;
      }
      double[] step = solve(hess, grad);
      double max = 0;
      for (int i = 0; i <= d; i++) {
        beta[i] += step[i];
        max = Math.max(max, Math.abs(step[i]));
      }
      if (max < 1e-8) {
        break;
      }
    }
    double[] weights = new double[d];
    System.arraycopy(beta, 1, weights, 0, d);
    return new Model(mean, scale, weights, beta[0]);
  }

  private static double[] standardised(double[] x, double[] mean, double[] scale) {
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = (x[i] - mean[i]) / scale[i];
    }
    return z;
  }

  /** Gaussian elimination with partial pivoting (the Hessian is positive definite thanks to the L2 term). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
