package org.bnnworkbench.experiments.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.experiments.replication.ClaimCheck;
import org.bnnworkbench.experiments.replication.Replication;
import org.bnnworkbench.experiments.replication.ReplicationMarkdown;
import org.bnnworkbench.experiments.replication.Study;
import org.bnnworkbench.experiments.replication.StudyFolder;
import org.bnnworkbench.experiments.replication.StudyManifest;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.sweep.SweepFileException;
import org.bnnworkbench.experiments.sweep.SweepResult;

/**
 * {@code bnn replicate --out DIR}: runs the replication studies (the shipped ones, or those of {@code --studies
 * FOLDER}), each as a resumable sweep in {@code DIR/<study>/}, then prints each study's configurations and the verdict
 * on each claim. Run again on the same DIR, it trains only what is missing.
 */
final class ReplicateCommand implements Subcommand {

    static final String COMMAND = "bnn replicate";
    private static final long CANCEL_WAIT_SECONDS = 30;

    @Override
    public String name() {
        return "replicate";
    }

    @Override
    public String summary() {
        return "run the replication studies of the papers' claims (resumable; --quick for a smoke version)";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn replicate --out DIR [--quick] [--only NAME,...] [--studies FOLDER] [--parallel N] [--markdown]",
                "  --out       folder for one sweep folder per study, DIR/<study>/; an existing one is resumed",
                "  --quick     the smoke version: every study with one short epoch on a few images and 2 seeds",
                "  --only      run only these studies (comma-separated), e.g. --only clip,scaling",
                "  --studies   a folder with studies.json and its sweep files instead of the shipped ones",
                "  --parallel  points to train at once within a study (default 1)",
                "  --markdown  print each study's tables as Markdown (as docs/replications.md holds them)",
                "",
                "Studies shipped: " + StudyManifest.shipped().names() + " (see docs/replications.md).",
                "Each study folder holds the sweep's runs, journal.jsonl, results.csv, summary.csv, comparisons.csv",
                "and study.json; 'bnn report DIR --out report.html' renders them.");
    }

    @Override
    public boolean computeHeavy() {
        return true;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options(COMMAND).value("out").value("only").value("studies").value("parallel")
                .flag("quick").flag("markdown").parse(args);
        if (!options.positional().isEmpty()) {
            throw options.problem("takes no file arguments, got '" + options.positional().get(0) + "'");
        }
        StudyManifest manifest = manifest(options);
        Path folder = RunFolderOptions.folder(options);
        var replication = new Replication(manifest, folder).quick(options.isSet("quick"))
                .parallel(options.positiveInt("parallel", 1));
        if (options.string("only").isPresent()) {
            List<String> names = Arrays.stream(options.string("only").get().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            try {
                replication.only(names);
            } catch (IllegalArgumentException e) {
                throw options.problem("--only: " + e.getMessage());
            }
        }
        Map<String, DatasetSplit> data = new HashMap<>();
        replication.datasets(name -> data.computeIfAbsent(name,
                n -> DatasetArgument.load(n, COMMAND, "base.dataset")));
        try {
            replication.prepare();
        } catch (SweepFileException e) {
            throw new UsageException(COMMAND + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException(COMMAND + ": " + e.getMessage());
        }
        RunFolderOptions.create(options, folder);
        replication.addListener(new SweepProgress(err));
        List<SweepResult> results = runToTheEnd(replication);
        boolean failed = false;
        for (Study study : replication.selected()) {
            Path studyFolder = folder.resolve(study.name());
            if (!StudyFolder.isStudy(studyFolder)) {
                continue;
            }
            try {
                StudyFolder read = StudyFolder.read(studyFolder);
                if (options.isSet("markdown")) {
                    out.println(ReplicationMarkdown.of(read));
                } else {
                    print(read, out);
                }
            } catch (IOException e) {
                throw new CommandFailedException(COMMAND + ": " + studyFolder + ": " + e.getMessage());
            }
        }
        for (SweepResult r : results) {
            failed |= r.failed() > 0;
        }
        boolean cancelled = replication.isCancelled() || results.stream().anyMatch(SweepResult::cancelled);
        err.println("replication studies in " + folder + (cancelled ? ": cancelled; start it again to go on" : ""));
        if (cancelled) {
            return TrainCommand.CANCELLED;
        }
        return failed ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static StudyManifest manifest(Options options) {
        if (options.string("studies").isEmpty()) {
            return StudyManifest.shipped();
        }
        String text = options.string("studies").get();
        try {
            return StudyManifest.read(Path.of(text));
        } catch (NoSuchFileException e) {
            throw options.problem("--studies '" + text + "' has no " + StudyManifest.FILE);
        } catch (InvalidPathException | IOException e) {
            throw options.problem("--studies '" + text + "': cannot be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new UsageException(COMMAND + ": " + e.getMessage());
        }
    }

    /** A study's configurations and its claims' verdicts. */
    static void print(StudyFolder study, PrintStream out) {
        out.println("== " + study.study().name() + ": " + study.study().title() + (study.quick() ? " (quick)" : ""));
        SweepReport.configurations(study.summary(), out);
        for (ClaimCheck check : study.checks()) {
            out.println("claim: " + check.claim().statement());
            for (ClaimCheck.Checked c : check.comparisons()) {
                out.println("  " + c.describe());
            }
            out.println("  verdict: " + check.verdictText());
        }
        out.println();
    }

    private static List<SweepResult> runToTheEnd(Replication replication) {
        try {
            return CancelOnShutdown.run("bnn-replicate-cancel", replication::cancel, CANCEL_WAIT_SECONDS,
                    replication::run);
        } catch (SweepFileException e) {
            throw new UsageException(COMMAND + ": " + e.getMessage());
        } catch (RunInUseException | IOException e) {
            throw new CommandFailedException(COMMAND + ": " + e.getMessage());
        }
    }
}
