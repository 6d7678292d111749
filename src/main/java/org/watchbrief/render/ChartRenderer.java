package org.watchbrief.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.ThemeCount;
import org.watchbrief.digest.Digest.ThemeSection;
import org.watchbrief.digest.Digest.ThemeTotal;
import org.watchbrief.digest.Digest.TimelineEntry;
import org.watchbrief.digest.Digest.WindowCounts;

/**
 * The digest's charts, drawn with JFreeChart in Liberation Sans and the organisation's colours,
 * as PNG images at print resolution. Both formats embed the same images.
 */
final class ChartRenderer {

    /**
     * A chart as an image, with the size to show it at, the words for those who cannot see it,
     * and a caption to print under it ({@code null} for none).
     */
    record Chart(String name, byte[] png, float widthPoints, float heightPoints, String description, String caption) {
    }

    /** The timeline chart shows from this long before the window... */
    static final int YEARS_BEFORE = 2;

    /** ...to this long after it; the table lists every event. */
    static final int YEARS_AFTER = 3;

    /** Pixels per point: 2.5 gives 180 dpi, sharp on paper and on a high-density screen. */
    private static final double SCALE = 2.5;

    static final float WIDTH = 480;

    private static final Color GRID = new Color(0xD9D9D9);

    private static final Color TEXT = new Color(0x333333);

    private final Branding branding;

    ChartRenderer(Branding branding) {
        this.branding = branding;
    }

    /** Funding per theme, this window against the one before; {@code null} when neither had any. */
    Chart fundingByTheme(Digest digest) {
        List<ThemeTotal> totals = digest.funding().themeTotals();
        if (totals.stream().allMatch(t -> t.total().signum() == 0 && t.previousTotal().signum() == 0)) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ThemeTotal total : totals) {
            data.addValue(total.total(), "This window", total.label());
            data.addValue(total.previousTotal(), "Previous window", total.label());
        }
        JFreeChart chart = themed(new CategoryPlot(data, new CategoryAxis(), new NumberAxis(), new BarRenderer()),
                true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        NumberAxis amounts = (NumberAxis) plot.getRangeAxis();
        amounts.setNumberFormatOverride(new PoundsFormat());
        amounts.setUpperMargin(0.18);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setSeriesPaint(0, branding.primary());
        bars.setSeriesPaint(1, Branding.tint(branding.accent(), 0.45));
        bars.setItemMargin(0.05);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new PoundsFormat()) {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return value == null || value.doubleValue() == 0 ? null : super.generateLabel(dataset, row, column);
            }
        });
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        float height = 70 + 34 * totals.size();
        return draw("funding-by-theme", chart, height, "Bar chart of new funding per theme: "
                + String.join("; ", totals.stream().map(t -> t.label() + " " + Formats.pounds(t.total())
                        + " this window, " + Formats.pounds(t.previousTotal()) + " the window before").toList())
                + ".");
    }

    /** Documents per theme in this window and the ones before it. */
    Chart documentsPerTheme(Digest digest) {
        if (digest.history().isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> themes = digest.history().get(0).counts().stream().map(ThemeCount::label).toList();
        for (WindowCounts window : digest.history()) {
            String label = windowLabel(window);
            window.counts().forEach(c -> data.addValue(c.documents(), c.label(), label));
        }
        JFreeChart chart = themed(new CategoryPlot(data, new CategoryAxis(), new NumberAxis(),
                new LineAndShapeRenderer(true, true)), true);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis counts = (NumberAxis) plot.getRangeAxis();
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setLowerBound(0);
        counts.setAutoRangeIncludesZero(true);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        LineAndShapeRenderer lines = (LineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < themes.size(); i++) {
            lines.setSeriesPaint(i, branding.themeColour(i));
            lines.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        return draw("documents-per-theme", chart, 230, "Line chart of documents per theme in the last "
                + digest.history().size() + " windows, oldest first: "
                + String.join("; ", digest.history().stream().map(w -> windowLabel(w) + ": "
                        + String.join(", ", w.counts().stream().map(c -> c.label() + " " + c.documents()).toList()))
                    .toList())
                + ".");
    }

    /**
     * The timeline: a lane per theme, a diamond for an event dated to the day, a bar across the
     * period for one known only to the month, season, quarter or year; the window shaded.
     */
    Chart timeline(Digest digest) {
        if (digest.timeline().isEmpty()) {
            return null;
        }
        List<ThemeSection> lanes = digest.sections();
        XYSeriesCollection days = new XYSeriesCollection();
        XYIntervalSeriesCollection periods = new XYIntervalSeriesCollection();
        for (ThemeSection lane : lanes) {
            days.addSeries(new XYSeries(lane.label(), false, true));
            periods.addSeries(new XYIntervalSeries(lane.label()));
        }
        LocalDate first = digest.timeline().get(0).date();
        LocalDate last = digest.timeline().stream().map(e -> periodEnd(e.date(), e.precision()))
            .max(LocalDate::compareTo).orElseThrow();
        LocalDate from = max(first, digest.window().start().minusYears(YEARS_BEFORE));
        LocalDate to = min(max(last, digest.window().end()), digest.window().end().plusYears(YEARS_AFTER));
        List<TimelineEntry> shown = digest.timeline().stream()
            .filter(e -> !periodEnd(e.date(), e.precision()).isBefore(from) && !e.date().isAfter(to)).toList();
        // Periods go on two rows under each lane's days, each on the first row free at its start,
        // so that overlapping periods do not hide one another.
        double[][] rowEnds = new double[lanes.size()][2];
        for (TimelineEntry entry : shown) {
            for (String theme : entry.themes()) {
                int lane = indexOf(lanes, theme);
                if (lane < 0) {
                    continue;
                }
                double start = millis(entry.date());
                if (entry.precision() == DatePrecision.DAY) {
                    days.getSeries(lane).add(start + 12 * 3_600_000.0, lane - 0.2);
                }
                else {
                    double end = millis(periodEnd(entry.date(), entry.precision()).plusDays(1));
                    int row = rowEnds[lane][0] <= start ? 0 : rowEnds[lane][1] <= start ? 1
                            : rowEnds[lane][0] <= rowEnds[lane][1] ? 0 : 1;
                    rowEnds[lane][row] = Math.max(rowEnds[lane][row], end);
                    double y = lane + 0.06 + row * 0.22;
                    periods.getSeries(lane).add(start, start, end, y, y - 0.09, y + 0.09);
                }
            }
        }
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        double margin = (millis(to) - millis(from)) * 0.03 + 86_400_000.0;
        time.setRange(millis(from) - margin, millis(to.plusDays(1)) + margin);
        SymbolAxis themeAxis = new SymbolAxis(null, lanes.stream().map(ThemeSection::label).toArray(String[]::new));
        themeAxis.setRange(-0.55, lanes.size() - 0.45);
        XYLineAndShapeRenderer dayRenderer = new XYLineAndShapeRenderer(false, true);
        XYBarRenderer periodRenderer = new XYBarRenderer();
        XYPlot plot = new XYPlot(days, time, themeAxis, dayRenderer);
        plot.setDataset(1, periods);
        plot.setRenderer(1, periodRenderer);
        JFreeChart chart = themed(plot, false);
        themeAxis.setGridBandsVisible(true);
        themeAxis.setGridBandPaint(new Color(0xF4F6F9));
        themeAxis.setGridBandAlternatePaint(Color.WHITE);
        periodRenderer.setUseYInterval(true);
        periodRenderer.setBarPainter(new StandardXYBarPainter());
        periodRenderer.setShadowVisible(false);
        periodRenderer.setDrawBarOutline(true);
        Path2D diamond = new Path2D.Double();
        diamond.moveTo(0, -5.5);
        diamond.lineTo(5.5, 0);
        diamond.lineTo(0, 5.5);
        diamond.lineTo(-5.5, 0);
        diamond.closePath();
        for (int i = 0; i < lanes.size(); i++) {
            Color colour = branding.themeColour(i);
            dayRenderer.setSeriesPaint(i, colour);
            dayRenderer.setSeriesShape(i, diamond);
            dayRenderer.setSeriesOutlinePaint(i, Color.WHITE);
            periodRenderer.setSeriesPaint(i, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 80));
            periodRenderer.setSeriesOutlinePaint(i, colour);
        }
        dayRenderer.setUseOutlinePaint(true);
        dayRenderer.setDrawOutlines(true);
        plot.addDomainMarker(windowMarker(digest), Layer.BACKGROUND);
        float height = 60 + 42 * lanes.size();
        long dated = shown.stream().filter(e -> e.precision() == DatePrecision.DAY).count();
        int outside = digest.timeline().size() - shown.size();
        String caption = "Diamonds mark events dated to the day; bars span events known only to the month, season, "
                + "quarter or year. The shaded band, or the line where the band would be too thin to see, is this "
                + "window." + (outside == 0 ? "" : " The chart shows " + Formats.date(from) + " to "
                        + Formats.date(to) + "; the table lists "
                        + Formats.count(outside, "event outside that span", "events outside that span") + " too.");
        return draw("timeline", chart, height, "Timeline chart of " + Formats.count(shown.size(), "event", "events")
                + " by theme, from " + Formats.when(shown.get(0).date(), shown.get(0).precision()) + " to "
                + Formats.when(shown.get(shown.size() - 1).date(), shown.get(shown.size() - 1).precision()) + "; "
                + dated + " dated to the day.", caption);
    }

    /**
     * The window as a shaded band, or as a line where the timeline spans so long that a band
     * would be too thin to see.
     */
    private Marker windowMarker(Digest digest) {
        double start = millis(digest.window().start());
        double end = millis(digest.window().end().plusDays(1));
        double first = millis(digest.timeline().get(0).date());
        double last = millis(periodEnd(digest.timeline().get(digest.timeline().size() - 1).date(),
                digest.timeline().get(digest.timeline().size() - 1).precision()));
        double span = Math.max(last, end) - Math.min(first, start);
        Marker marker;
        if (span > 0 && (end - start) / span < 0.01) {
            marker = new ValueMarker(end, branding.accent(), new BasicStroke(1.5f));
        }
        else {
            marker = new IntervalMarker(start, end);
            marker.setPaint(Branding.tint(branding.accent(), 0.75));
        }
        marker.setLabel("this window");
        marker.setLabelFont(Fonts.SMALL);
        marker.setLabelPaint(TEXT);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return marker;
    }

    private static int indexOf(List<ThemeSection> lanes, String theme) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).theme().equals(theme)) {
                return i;
            }
        }
        return -1;
    }

    /** The last day of the period a date names at its precision. */
    static LocalDate periodEnd(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.plusMonths(1).minusDays(1);
            case SEASON, QUARTER -> date.plusMonths(3).minusDays(1);
            case YEAR -> date.plusYears(1).minusDays(1);
        };
    }

    private static double millis(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** "to 20 Nov" for short windows, "Nov 2026" for a month or longer. */
    static String windowLabel(WindowCounts window) {
        LocalDate end = window.window().end();
        return window.window().days() >= 28 ? DateTimeFormatter.ofPattern("MMM uuuu", Locale.UK).format(end)
                : "to " + DateTimeFormatter.ofPattern("d MMM", Locale.UK).format(end);
    }

    /** A chart in the digest's fonts; colours are set after this, since the theme resets them. */
    private static JFreeChart themed(Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, Fonts.REGULAR, plot, legend);
        Fonts.THEME.apply(chart);
        return chart;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private Chart draw(String name, JFreeChart chart, float heightPoints, String description) {
        return draw(name, chart, heightPoints, description, null);
    }

    private Chart draw(String name, JFreeChart chart, float heightPoints, String description, String caption) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 10));
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(Fonts.SMALL);
        }
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(GRID);
            plot.setOutlineVisible(false);
        }
        else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinesVisible(false);
            plot.setOutlineVisible(false);
        }
        BufferedImage image = chart.createBufferedImage((int) Math.round(WIDTH * SCALE),
                (int) Math.round(heightPoints * SCALE), WIDTH, heightPoints, null);
        try {
            return new Chart(name, ChartUtils.encodeAsPNG(image), WIDTH, heightPoints, description, caption);
        }
        catch (IOException ex) {
            throw new RenderException("cannot encode the " + name + " chart: " + ex.getMessage(), ex);
        }
    }

    /** The chart fonts: Liberation Sans, loaded once. */
    private static final class Fonts {

        static final Font BASE = LiberationFonts.awt(LiberationFonts.REGULAR);

        static final Font BOLD_BASE = LiberationFonts.awt(LiberationFonts.BOLD);

        static final Font REGULAR = BASE.deriveFont(10.5f);

        static final Font SMALL = BASE.deriveFont(9f);

        static final StandardChartTheme THEME = theme();

        private static StandardChartTheme theme() {
            StandardChartTheme theme = new StandardChartTheme("watchbrief", false);
            theme.setExtraLargeFont(BOLD_BASE.deriveFont(13f));
            theme.setLargeFont(BOLD_BASE.deriveFont(11f));
            theme.setRegularFont(REGULAR);
            theme.setSmallFont(SMALL);
            theme.setAxisLabelPaint(TEXT);
            theme.setTickLabelPaint(TEXT);
            theme.setItemLabelPaint(TEXT);
            theme.setLegendItemPaint(TEXT);
            theme.setChartBackgroundPaint(Color.WHITE);
            theme.setPlotBackgroundPaint(Color.WHITE);
            theme.setBarPainter(new StandardBarPainter());
            theme.setShadowVisible(false);
            return theme;
        }
    }

    /** Axis and bar labels in the digest's own way of writing pounds. */
    private static final class PoundsFormat extends NumberFormat {

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(Formats.pounds(BigDecimal.valueOf(number)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(Formats.pounds(BigDecimal.valueOf(number)));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("chart labels are never parsed");
        }
    }
}
