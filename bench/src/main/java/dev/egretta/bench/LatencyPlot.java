package dev.egretta.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG plot of query latency against corpus size (log-scaled size axis). */
public final class LatencyPlot {
  /** One line: a label and a latency in ms per corpus size (same order as the sizes); dashed e.g. for int8. */
  public record Series(String label, List<Double> sizes, List<Double> latenciesMs, boolean dashed) {
    public Series(String label, List<Double> sizes, List<Double> latenciesMs) {
      this(label, sizes, latenciesMs, false);
    }
  }

  private LatencyPlot() {}

  public static void write(Path png, String title, List<Series> series) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
        .xAxisTitle("corpus size (chunks)").yAxisTitle("latency (ms)").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setYAxisMin(0.0);
    for (Series s : series) {
      if (s.sizes().isEmpty()) {
        continue;
      }
      XYSeries xy = chart.addSeries(s.label(), s.sizes(), s.latenciesMs());
      xy.setMarker(SeriesMarkers.CIRCLE);
      if (s.dashed()) {
        xy.setLineStyle(SeriesLines.DASH_DASH);
      }
    }
    String file = png.toString();
    BitmapEncoder.saveBitmap(chart, file.endsWith(".png") ? file.substring(0, file.length() - 4) : file,
        BitmapEncoder.BitmapFormat.PNG);
  }
}
