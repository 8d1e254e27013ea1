package io.github.nebuly4j.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Draws throughput against concurrency, one panel per workload, one line per client with its
 * standard deviation as error bars. Both axes are logarithmic, so that the clients stay readable
 * beside wrk's ceiling. Plain Java2D, so the report needs no plotting tool.
 */
public final class ThroughputPlot {
  private static final int PANEL_WIDTH = 620;
  private static final int HEIGHT = 560;
  private static final int LEFT = 85;
  private static final int RIGHT = 20;
  private static final int TOP = 80;
  private static final int BOTTOM = 70;
  private static final int LEGEND = 190;
  private static final Color GRID = new Color(0xe6e6e6);
  private static final Color[] PALETTE = {
    new Color(0x7f7f7f), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)
  };

  private ThroughputPlot() {}

  /**
   * Writes the plot as a PNG.
   *
   * @param title the title above the panels
   * @param panels a panel's title to its series: client name to concurrency to requests per second
   * @param file where to write
   * @throws IOException if the file cannot be written
   */
  public static void write(String title, Map<String, Map<String, Map<Integer, Summary>>> panels, Path file)
      throws IOException {
    int width = Math.max(1, panels.size()) * PANEL_WIDTH + LEGEND;
    BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, HEIGHT);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
      g.drawString(title, LEFT, 30);
      Map<String, Color> colors = colors(panels);
      int x = 0;
      for (Map.Entry<String, Map<String, Map<Integer, Summary>>> panel : panels.entrySet()) {
        panel(g, x, panel.getKey(), panel.getValue(), colors);
        x += PANEL_WIDTH;
      }
      legend(g, x, colors);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private static Map<String, Color> colors(Map<String, Map<String, Map<Integer, Summary>>> panels) {
    Map<String, Color> colors = new LinkedHashMap<>();
    for (Map<String, Map<Integer, Summary>> series : panels.values()) {
      for (String client : series.keySet()) {
        colors.computeIfAbsent(client, c -> PALETTE[colors.size() % PALETTE.length]);
      }
    }
    return colors;
  }

  private static void panel(
      Graphics2D g, int x0, String title, Map<String, Map<Integer, Summary>> series, Map<String, Color> colors) {
    TreeSet<Integer> concurrencies = new TreeSet<>();
    double min = Double.MAX_VALUE;
    double max = 1;
    for (Map<Integer, Summary> points : series.values()) {
      concurrencies.addAll(points.keySet());
      for (Summary s : points.values()) {
        max = Math.max(max, s.mean() + s.stdev());
        min = Math.min(min, Math.max(1, s.mean()));
      }
    }
    int lowDecade = (int) Math.floor(Math.log10(Math.min(min, max)));
    int highDecade = (int) Math.ceil(Math.log10(max * 1.05));
    if (highDecade <= lowDecade) {
      highDecade = lowDecade + 1;
    }
    int left = x0 + LEFT;
    int width = PANEL_WIDTH - LEFT - RIGHT;
    int height = HEIGHT - TOP - BOTTOM;
    Axis y = new Axis(lowDecade, highDecade, height);

    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.setColor(Color.BLACK);
    g.drawString(title, left, TOP - 15);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int decade = lowDecade; decade <= highDecade; decade++) {
      for (int step : new int[] {1, 2, 5}) {
        double value = step * Math.pow(10, decade);
        if (value > Math.pow(10, highDecade)) {
          continue;
        }
        int yy = y.at(value);
        g.setColor(step == 1 ? new Color(0xcccccc) : GRID);
        g.drawLine(left, yy, left + width, yy);
        g.setColor(Color.DARK_GRAY);
        String label = String.format(Locale.ROOT, "%,.0f", value);
        g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), yy + 4);
      }
    }
    Map<Integer, Integer> xOf = new LinkedHashMap<>();
    double minLog = Math.log(concurrencies.isEmpty() ? 1 : concurrencies.first());
    double maxLog = Math.log(concurrencies.isEmpty() ? 2 : concurrencies.last());
    for (int c : concurrencies) {
      double t = maxLog == minLog ? 0.5 : (Math.log(c) - minLog) / (maxLog - minLog);
      int xx = left + 30 + (int) Math.round((width - 60) * t);
      xOf.put(c, xx);
      g.setColor(GRID);
      g.drawLine(xx, TOP, xx, TOP + height);
      g.setColor(Color.DARK_GRAY);
      String label = Integer.toString(c);
      g.drawString(label, xx - g.getFontMetrics().stringWidth(label) / 2, TOP + height + 18);
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, TOP, width, height);
    g.drawString("concurrency (requests in flight, log scale)", left + width / 2 - 120, HEIGHT - 30);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString("requests/s, log scale (mean \u00b1 stdev)", -(TOP + height / 2 + 105), x0 + 18);
    rotated.dispose();

    for (Map.Entry<String, Map<Integer, Summary>> entry : series.entrySet()) {
      g.setColor(colors.get(entry.getKey()));
      List<int[]> points = new ArrayList<>();
      for (Map.Entry<Integer, Summary> point : new TreeMap<>(entry.getValue()).entrySet()) {
        int xx = xOf.get(point.getKey());
        Summary s = point.getValue();
        points.add(new int[] {xx, y.at(s.mean())});
        g.setStroke(new BasicStroke(1.5f));
        int low = y.at(Math.max(s.mean() - s.stdev(), Math.pow(10, lowDecade)));
        int high = y.at(s.mean() + s.stdev());
        g.drawLine(xx, low, xx, high);
        g.drawLine(xx - 5, low, xx + 5, low);
        g.drawLine(xx - 5, high, xx + 5, high);
        g.fillOval(xx - 4, y.at(s.mean()) - 4, 9, 9);
      }
      g.setStroke(stroke(entry.getKey()));
      for (int i = 1; i < points.size(); i++) {
        g.drawLine(points.get(i - 1)[0], points.get(i - 1)[1], points.get(i)[0], points.get(i)[1]);
      }
    }
    g.setStroke(new BasicStroke(1));
  }

  private static void legend(Graphics2D g, int x, Map<String, Color> colors) {
    int y = TOP + 10;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    for (Map.Entry<String, Color> entry : colors.entrySet()) {
      g.setColor(entry.getValue());
      g.setStroke(stroke(entry.getKey()));
      g.drawLine(x + 5, y, x + 40, y);
      g.setColor(Color.BLACK);
      g.drawString(entry.getKey(), x + 48, y + 5);
      y += 24;
    }
    g.setStroke(new BasicStroke(1));
  }

  /** wrk, the ceiling, is dashed. */
  private static Stroke stroke(String client) {
    return client.startsWith("wrk")
        ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {8, 6}, 0)
        : new BasicStroke(2.5f);
  }

  /** A logarithmic y axis from 10^low to 10^high. */
  private static final class Axis {
    private final double low;
    private final double high;
    private final int height;

    Axis(int lowDecade, int highDecade, int height) {
      this.low = lowDecade;
      this.high = highDecade;
      this.height = height;
    }

    int at(double value) {
      double log = Math.log10(Math.max(value, Math.pow(10, low)));
      double t = Math.min(1, (log - low) / (high - low));
      return TOP + height - (int) Math.round(height * t);
    }
  }
}
