package dev.connectadvisor.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.connectadvisor.Situation;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.kie.api.KieBase;

/**
 * The batch floor ({@code bench/batch.sh}): a JSONL batch through Drools alone, on one thread,
 * {@code java -cp target/benchmarks.jar dev.connectadvisor.bench.BareDroolsBatch < lines.jsonl}.
 * Each line is read by Jackson into the rules' Situation (through its builder, so that an absent
 * field takes its default), advised on a new session, and answered with its verdict; a line
 * Jackson or the Situation refuses is answered {@code error}.
 */
public final class BareDroolsBatch {
    private BareDroolsBatch() {
    }

    @JsonDeserialize(builder = Situation.Builder.class)
    private abstract static class SituationMixin {
    }

    @JsonPOJOBuilder(withPrefix = "")
    @JsonAutoDetect(creatorVisibility = JsonAutoDetect.Visibility.ANY)
    private abstract static class BuilderMixin {
    }

    public static void main(String[] args) throws IOException {
        ObjectReader reader = new ObjectMapper()
                .addMixIn(Situation.class, SituationMixin.class)
                .addMixIn(Situation.Builder.class, BuilderMixin.class)
                .readerFor(Situation.class);
        KieBase rules = BareDrools.rules();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line; (line = in.readLine()) != null; ) {
                String answer;
                try {
                    answer = BareDrools.verdict(rules, reader.readValue(line));
                } catch (IOException | RuntimeException refused) {
                    answer = "error";
                }
                out.write(answer);
                out.write('\n');
            }
        }
    }
}
