package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static Options trainOptions(String... args) {
        return new Options("bnn train")
                .value("epochs")
                .value("clip")
                .value("dataset")
                .value("seed")
                .flag("quiet")
                .parse(List.of(args));
    }

    @Test
    void readsValuesFlagsAndPositionalArguments() {
        Options options = trainOptions("net.json", "--epochs", "5", "--clip=1.3", "--quiet", "out");

        assertThat(options.positiveInt("epochs", 10)).isEqualTo(5);
        assertThat(options.positiveNumber("clip", 1.0)).isEqualTo(1.3);
        assertThat(options.isSet("quiet")).isTrue();
        assertThat(options.positional()).containsExactly("net.json", "out");
    }

    @Test
    void missingOptionsFallBackToTheirDefaults() {
        Options options = trainOptions();

        assertThat(options.positiveInt("epochs", 10)).isEqualTo(10);
        assertThat(options.number("clip", 1.0)).isEqualTo(1.0);
        assertThat(options.string("dataset", "fashion-mnist-subset")).isEqualTo("fashion-mnist-subset");
        assertThat(options.isSet("quiet")).isFalse();
        assertThat(options.positional()).isEmpty();
    }

    @Test
    void negativeNumbersAreValuesNotOptions() {
        Options options = trainOptions("--seed", "-7", "-3");

        assertThat(options.integer("seed", 0)).isEqualTo(-7);
        assertThat(options.positional()).containsExactly("-3");
    }

    @Test
    void everythingAfterDoubleDashIsPositional() {
        assertThat(trainOptions("--", "--quiet", "x").positional()).containsExactly("--quiet", "x");
    }

    @Test
    void aWordThatIsNotAPositiveIntegerIsReportedWithTheOptionsName() {
        Options options = trainOptions("--epochs", "abc");

        assertThatThrownBy(() -> options.positiveInt("epochs", 10))
                .isInstanceOf(UsageException.class)
                .hasMessage("bnn train: --epochs expects a positive integer, got 'abc'");
    }

    @Test
    void zeroIsNotAPositiveInteger() {
        Options options = trainOptions("--epochs", "0");

        assertThatThrownBy(() -> options.positiveInt("epochs", 10))
                .hasMessage("bnn train: --epochs expects a positive integer, got '0'");
    }

    @Test
    void aBadNumberIsReportedWithTheOptionsName() {
        assertThatThrownBy(() -> trainOptions("--clip", "1,3").number("clip", 1.0))
                .hasMessage("bnn train: --clip expects a number, got '1,3'");
        assertThatThrownBy(() -> trainOptions("--clip", "NaN").positiveNumber("clip", 1.0))
                .hasMessage("bnn train: --clip expects a positive number, got 'NaN'");
        assertThatThrownBy(() -> trainOptions("--clip", "-1").positiveNumber("clip", 1.0))
                .hasMessage("bnn train: --clip expects a positive number, got '-1'");
    }

    @Test
    void anUnknownOptionIsNamedWithTheLikelyIntendedOne() {
        assertThatThrownBy(() -> trainOptions("--epoch", "3"))
                .isInstanceOf(UsageException.class)
                .hasMessage("bnn train: unknown option '--epoch' (did you mean '--epochs'?)");
    }

    @Test
    void anUnknownOptionFarFromAnyDeclaredOneGetsNoSuggestion() {
        assertThatThrownBy(() -> trainOptions("--learning-rate", "0.1"))
                .hasMessage("bnn train: unknown option '--learning-rate'");
        assertThatThrownBy(() -> trainOptions("-e", "3"))
                .hasMessage("bnn train: unknown option '-e'");
    }

    @Test
    void anOptionAtTheEndWithoutItsValueIsReported() {
        assertThatThrownBy(() -> trainOptions("--epochs"))
                .hasMessage("bnn train: --epochs expects a value");
    }

    @Test
    void anOptionFollowedByAnotherOptionIsMissingItsValue() {
        assertThatThrownBy(() -> trainOptions("--dataset", "--quiet"))
                .hasMessage("bnn train: --dataset expects a value");
    }

    @Test
    void aFlagWithAValueIsReported() {
        assertThatThrownBy(() -> trainOptions("--quiet=yes"))
                .hasMessage("bnn train: --quiet takes no value, got 'yes'");
    }

    @Test
    void anOptionGivenTwiceIsReported() {
        assertThatThrownBy(() -> trainOptions("--epochs", "3", "--epochs=4"))
                .hasMessage("bnn train: --epochs is given twice");
    }

    @Test
    void aMissingRequiredOptionIsReported() {
        assertThatThrownBy(() -> trainOptions().required("dataset"))
                .hasMessage("bnn train: --dataset is required");
    }

    @Test
    void askingForAnUndeclaredOptionIsAProgrammingError() {
        Options options = trainOptions();

        assertThatThrownBy(() -> options.string("epoch")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.isSet("epochs")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChoiceMustBeOneOfTheListedWords() {
        Options options = new Options("bnn train").value("estimator").parse(List.of("--estimator", "sign"));

        assertThat(options.choice("estimator", "ste", List.of("ste", "sign"))).isEqualTo("sign");
        assertThatThrownBy(() -> options.choice("estimator", "ste", List.of("ste", "approx")))
                .hasMessage("bnn train: --estimator expects one of ste, approx, got 'sign'");
    }

    @Test
    void limitsMayBeZeroButNotNegative() {
        Options options = new Options("bnn train").value("limit").value("decay")
                .parse(List.of("--limit", "-1", "--decay", "-0.5"));

        assertThatThrownBy(() -> options.nonNegativeInt("limit", 0))
                .hasMessage("bnn train: --limit expects an integer >= 0, got '-1'");
        assertThatThrownBy(() -> options.nonNegativeNumber("decay", 0))
                .hasMessage("bnn train: --decay expects a number >= 0, got '-0.5'");
    }

    @Test
    void aSeedMayBeALongInteger() {
        assertThat(trainOptions("--seed", "12345678901").longInteger("seed", 42)).isEqualTo(12345678901L);
        assertThatThrownBy(() -> trainOptions("--seed", "1.5").longInteger("seed", 42))
                .hasMessage("bnn train: --seed expects an integer, got '1.5'");
    }

    @Test
    void aProblemFoundByTheCommandIsWordedLikeTheParsersOwn() {
        assertThat(trainOptions().problem("--out is a file")).hasMessage("bnn train: --out is a file");
    }
}
