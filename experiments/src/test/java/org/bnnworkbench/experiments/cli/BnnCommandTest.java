package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BnnCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** A subcommand that records what it was given, and declares one option. */
    private static final class Echo implements Subcommand {
        final List<String> received = new ArrayList<>();

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "print the arguments";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Options options = new Options("bnn echo").value("times").parse(args);
            int times = options.positiveInt("times", 1);
            received.addAll(options.positional());
            for (int i = 0; i < times; i++) {
                out.println(String.join(" ", options.positional()));
            }
            return ExitCode.OK;
        }
    }

    private int bnn(BnnCommand command, String... args) {
        return command.run(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheRegisteredCommandsAndSucceeds() {
        int code = bnn(new BnnCommand(List.of(new Echo())), "help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out()).contains("usage: bnn <command> [options]").contains("echo").contains("print the arguments")
                .contains("help");
        assertThat(err()).isEmpty();
    }

    @Test
    void noArgumentsPrintsTheSameUsageAsHelp() {
        BnnCommand bnn = BnnCommand.standard();
        assertThat(bnn(bnn)).isEqualTo(ExitCode.OK);
        String withoutArguments = out();
        outBytes.reset();

        bnn(bnn, "help");

        assertThat(withoutArguments).isEqualTo(out()).startsWith("bnn " + Version.current());
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(Version.current()).isNotBlank().doesNotContain("${").isNotEqualTo("unknown");
    }

    @Test
    void anUnknownCommandIsOneLineOnStandardErrorAndExitCodeTwo() {
        int code = bnn(BnnCommand.standard(), "x");

        assertThat(code).isEqualTo(2);
        assertThat(err()).isEqualTo("bnn: unknown command 'x' (try 'bnn help')" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void aSubcommandGetsTheArgumentsAfterItsName() {
        var echo = new Echo();

        int code = bnn(new BnnCommand(List.of(echo)), "echo", "--times", "2", "hi");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(echo.received).containsExactly("hi");
        assertThat(out()).isEqualTo("hi" + System.lineSeparator() + "hi" + System.lineSeparator());
    }

    @Test
    void aSubcommandsUsageMistakeIsOneLineAndExitCodeTwo() {
        int code = bnn(new BnnCommand(List.of(new Echo())), "echo", "--times", "abc");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err()).isEqualTo("bnn echo: --times expects a positive integer, got 'abc'" + System.lineSeparator());
    }

    @Test
    void helpForOneCommandNamesIt() {
        assertThat(bnn(new BnnCommand(List.of(new Echo())), "help", "echo")).isEqualTo(ExitCode.OK);
        assertThat(out()).isEqualTo("bnn echo: print the arguments" + System.lineSeparator());

        assertThat(bnn(BnnCommand.standard(), "help", "nope")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).isEqualTo("bnn help: unknown command 'nope' (try 'bnn help')" + System.lineSeparator());
    }

    @Test
    void twoSubcommandsWithOneNameAreRefused() {
        assertThatThrownBy(() -> new BnnCommand(List.of(new Echo(), new Echo())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("echo");
    }

    /** A subcommand that fails the way it is told to. */
    private record Failing(RuntimeException failure) implements Subcommand {
        @Override
        public String name() {
            return "fail";
        }

        @Override
        public String summary() {
            return "fail";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            throw failure;
        }
    }

    @Test
    void aCommandThatCannotBeDoneIsOneLineAndExitCodeOne() {
        int code = bnn(new BnnCommand(List.of(new Failing(new CommandFailedException("bnn fail: data.idx is broken")))),
                "fail");

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err()).isEqualTo("bnn fail: data.idx is broken" + System.lineSeparator());
    }

    @Test
    void aBugIsOneLineWithoutAStackTraceAndExitCodeOne() {
        int code = bnn(new BnnCommand(List.of(new Failing(new IllegalStateException("oops")))), "fail");

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err().lines()).singleElement().asString()
                .startsWith("bnn fail: internal error: java.lang.IllegalStateException: oops");
    }

    @Test
    void helpForACommandShowsItsUsage() {
        var train = new TrainCommand();

        assertThat(bnn(new BnnCommand(List.of(train)), "help", "train")).isZero();

        assertThat(out()).contains("usage: bnn train --out DIR").contains("--epochs 10");
    }
}
