package org.bnnworkbench.experiments.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.bnnworkbench.engine.train.EpochMetrics;

/**
 * {@link RunRecord} as JSON: pretty-printed, fields in a fixed order (so two records diff line by line), times as
 * ISO-8601 UTC. Reading ignores fields it does not know, so a newer workbench's records still open.
 */
public final class RunRecordJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(EpochMetrics.class, EpochMetricsOrder.class)
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();
    private static final ObjectWriter WRITER =
            MAPPER.writer(new DefaultPrettyPrinter().withoutSpacesInObjectEntries());

    private RunRecordJson() {
    }

    /** The order of {@link EpochMetrics}' fields in a record's history: accuracy before loss, as tables show them. */
    @JsonPropertyOrder({"epoch", "trainLoss", "trainTop1", "testTop1", "testLoss", "testTop5", "saturation",
            "flipRatio", "seconds", "imagesPerSecond", "learningRate"})
    private abstract static class EpochMetricsOrder {
    }

    private static final class InstantDeserializer extends StdDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    public static String toJson(RunRecord record) {
        try {
            return WRITER.writeValueAsString(record) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("could not turn the run record into JSON", e);
        }
    }

    public static RunRecord fromJson(String json) throws IOException {
        return MAPPER.readValue(json, RunRecord.class);
    }

    public static RunRecord read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Writes the record atomically: a reader never sees a half-written file, even if the process dies meanwhile. */
    public static void write(Path file, RunRecord record) throws IOException {
        AtomicFile.write(file, toJson(record).getBytes(StandardCharsets.UTF_8));
    }
}
