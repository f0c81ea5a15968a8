package dev.connectadvisor.internal.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The training run of the build's class-data-sharing archive ({@code target/connect-advisor.jsa}):
 * the one-shot commands a person types, run once each in one JVM, so that the archive holds the
 * classes of all of them (readable advice, JSON in and out, a draft note). Output is discarded.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        String json = "{\"daysUntilInterview\": -4, \"priorRequest\": \"ACCEPTED\", \"interviewerName\": \"Sarah Lee\","
                + " \"note\": \"Hi Sarah, thank you for the interview!\"}";
        String[][] commands = {
            {"advise", "--days-until-interview", "10"},
            {"advise", "--days-until-interview", "2", "--interviewer-name", "Sarah Lee", "--note", "Hi Sara, nice to meet you",
                "--json"},
            {"advise", "--interview-date", "2026-12-04", "--today", "2026-11-25", "--prior-request", "PENDING"},
            {"advise", "--days-until-interview", "400"},
            {"advise", "--input", "-"},
            {"advise", "--help"},
        };
        for (String[] command : commands) {
            Main.run(command, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), nowhere, nowhere);
        }
    }
}
