package org.bnnworkbench.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.experiments.stats.Comparison;
import org.bnnworkbench.experiments.stats.Interval;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.bnnworkbench.experiments.stats.TestSetError;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunChartsTest {

    @TempDir
    Path dir;

    @Test
    void oneTwinServesEveryPointOfAClipSweepAndEachPointKeepsItsOwnMarks() throws IOException {
        var contents = ReportInputs.read(List.of(ReportFixtures.clipSweep(dir.resolve("clip")),
                ReportFixtures.twinRun(dir.resolve("twin"))));
        List<TwinPair> pairs = TwinPair.find(contents.allRuns());

        ReportChart chart = RunCharts.twinGap(pairs);

        XYPlot plot = (XYPlot) chart.chart().getPlot();
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols())
                .containsExactly("clip=0.5 (gap 5.85)", "clip=1 (gap 3.70)", "clip=1.3 (gap 2.95)");
        var means = (YIntervalSeriesCollection) plot.getDataset(IntervalCharts.MEANS);
        assertThat(means.getSeriesKey(0)).isEqualTo("binary");
        assertThat(means.getYValue(0, 2)).isEqualTo(84.15, within());
        assertThat(means.getYValue(1, 2)).isEqualTo(87.1, within());
        // one run on each side: its error bar is its own test-set (Wilson) interval, and the gap is test-set only
        Interval wilson = new TestSetError(ReportFixtures.TWIN_TOP1, ReportFixtures.TEST_IMAGES).interval();
        assertThat(means.getStartYValue(1, 2)).isEqualTo(100 * wilson.low(), within());
        assertThat(means.getEndYValue(1, 2)).isEqualTo(100 * wilson.high(), within());
        assertThat(pairs).allSatisfy(p -> assertThat(p.gap().method()).isEqualTo(Comparison.Method.TEST_SET));
    }

    @Test
    void ownRunChartsNameTheirDataSetOnTheAccuracyAxisAndKeepDesignsApart() throws IOException {
        var contents = ReportInputs.read(List.of(ReportFixtures.clipSweep(dir.resolve("clip")),
                ReportFixtures.twinRun(dir.resolve("twin"))));

        ReportChart chart = RunCharts.accuracyVs(CostAxis.SIZE, "fashion-mnist-subset", contents.allRuns());

        XYPlot plot = (XYPlot) chart.chart().getPlot();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("test top-1 on fashion-mnist-subset (%)");
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2); // bnn-small and its twin
        assertThat(chart.title()).startsWith("fashion-mnist-subset:");
    }

    @Test
    void runsThatDifferOnlyBySeedAreOneConfigurationWithItsIntervalAndADotPerSeed() throws IOException {
        var clips = List.of(1.0, 1.3);
        Path sweep = ReportFixtures.repeatedSweep(dir.resolve("seeds"), "seeds", clips, ReportFixtures.STUDY_SEEDS,
                (clip, seed) -> ReportFixtures.STUDY_TOP1.get(clip)[(int) (seed - 42)]);
        Path twinFolder = ReportFixtures.twinRun(dir.resolve("twin"));
        var runs = ReportInputs.read(List.of(sweep, twinFolder)).allRuns();

        ReportChart chart = RunCharts.accuracyVs(CostAxis.OPS, "fashion-mnist-subset", runs);

        XYPlot plot = (XYPlot) chart.chart().getPlot();
        var means = (YIntervalSeriesCollection) plot.getDataset(IntervalCharts.MEANS);
        XYDataset seeds = plot.getDataset(IntervalCharts.SEEDS);
        // runs given on their own come first: the twin, then the sweep's bnn-small
        int binary = means.indexOf("bnn-small");
        int twin = means.indexOf("bnn-small (full-precision twin)");
        assertThat(List.of(twin, binary)).containsExactly(0, 1);
        assertThat(means.getItemCount(binary)).isEqualTo(clips.size());
        assertThat(seeds.getItemCount(binary)).isEqualTo(clips.size() * ReportFixtures.STUDY_SEEDS.size());
        for (int i = 0; i < clips.size(); i++) {
            SampleSummary s = SampleSummary.of(ReportFixtures.STUDY_TOP1.get(clips.get(i)));
            assertThat(means.getYValue(binary, i)).isEqualTo(100 * s.mean(), within());
            assertThat(means.getStartYValue(binary, i)).isEqualTo(100 * s.interval().low(), within());
            assertThat(means.getEndYValue(binary, i)).isEqualTo(100 * s.interval().high(), within());
        }
        // the lone twin run: one dot, and its test-set interval as the error bar
        assertThat(means.getItemCount(twin)).isEqualTo(1);
        assertThat(seeds.getItemCount(twin)).isEqualTo(1);
        Interval wilson = new TestSetError(ReportFixtures.TWIN_TOP1, ReportFixtures.TEST_IMAGES).interval();
        assertThat(means.getStartYValue(twin, 0)).isEqualTo(100 * wilson.low(), within());
        assertThat(means.getEndYValue(twin, 0)).isEqualTo(100 * wilson.high(), within());
        // the value axis covers every bar and dot
        for (int s = 0; s < means.getSeriesCount(); s++) {
            for (int i = 0; i < means.getItemCount(s); i++) {
                assertThat(plot.getRangeAxis().getRange().contains(means.getStartYValue(s, i))).isTrue();
                assertThat(plot.getRangeAxis().getRange().contains(means.getEndYValue(s, i))).isTrue();
            }
        }
    }

    @Test
    void aTwinGapWithSeveralSeedsOnBothSidesIsPairedOverTheCommonSeeds() throws IOException {
        Path sweep = ReportFixtures.repeatedSweep(dir.resolve("seeds"), "seeds", List.of(1.3),
                ReportFixtures.STUDY_SEEDS, (clip, seed) -> ReportFixtures.STUDY_TOP1.get(clip)[(int) (seed - 42)]);
        double[] twinTop1 = {0.860, 0.858, 0.866};
        var folders = new ArrayList<>(List.of(sweep));
        for (int i = 0; i < twinTop1.length; i++) {
            long seed = ReportFixtures.STUDY_SEEDS.get(i);
            folders.add(ReportFixtures.twinRun(dir.resolve("twin-" + seed), twinTop1[i],
                    ReportFixtures.config(1.3f, 3, seed)));
        }
        var runs = ReportInputs.read(folders).allRuns();

        List<TwinPair> pairs = TwinPair.find(runs);

        assertThat(pairs).hasSize(1);
        Comparison gap = pairs.get(0).gap();
        assertThat(gap.method()).isEqualTo(Comparison.Method.PAIRED);
        assertThat(gap.n()).isEqualTo(3);
        double[] differences = new double[3];
        for (int i = 0; i < 3; i++) {
            differences[i] = twinTop1[i] - ReportFixtures.STUDY_TOP1.get(1.3)[i];
        }
        SampleSummary paired = SampleSummary.of(differences);
        assertThat(gap.difference()).isEqualTo(paired.mean(), within());
        // the paired t interval over the seeds, widened by the test-set error the seeds share (StatisticsTest)
        assertThat(gap.interval().low()).isLessThan(paired.interval().low());
        assertThat(gap.interval().high()).isGreaterThan(paired.interval().high());

        Table table = ReportTables.twinGap(pairs);
        List<String> row = table.rows().get(0);
        assertThat(row.get(table.column("method"))).isEqualTo("paired");
        assertThat(row.get(table.column("binary n"))).isEqualTo("3");
        assertThat(row.get(table.column("twin n"))).isEqualTo("3");
        assertThat(row.get(table.column("gap (points)"))).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f",
                100 * paired.mean()));
        assertThat(row.get(table.column("95% CI low (points)"))).isEqualTo(String.format(java.util.Locale.ROOT,
                "%.2f", 100 * gap.interval().low()));
        assertThat(row.get(table.column("95% CI high (points)"))).isEqualTo(String.format(java.util.Locale.ROOT,
                "%.2f", 100 * gap.interval().high()));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
