package org.bnnworkbench.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunChartsTest {

    @TempDir
    Path dir;

    @Test
    void oneTwinServesEveryPointOfAClipSweepAndEachPointKeepsItsOwnBars() throws IOException {
        var contents = ReportInputs.read(List.of(ReportFixtures.clipSweep(dir.resolve("clip")),
                ReportFixtures.twinRun(dir.resolve("twin"))));
        List<TwinPair> pairs = TwinPair.find(contents.allRuns());

        ReportChart chart = RunCharts.twinGap(pairs);

        var data = ((CategoryPlot) chart.chart().getPlot()).getDataset();
        assertThat(data.getColumnCount()).isEqualTo(ReportFixtures.CLIP_TOP1.size());
        assertThat(data.getColumnKeys()).extracting(Object::toString)
                .containsExactly("clip=0.5 (gap 5.85)", "clip=1.0 (gap 3.70)", "clip=1.3 (gap 2.95)");
        assertThat(data.getValue("binary", data.getColumnKey(2)).doubleValue()).isEqualTo(84.15, within());
        assertThat(data.getValue("full-precision twin", data.getColumnKey(2)).doubleValue()).isEqualTo(87.1, within());
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

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
