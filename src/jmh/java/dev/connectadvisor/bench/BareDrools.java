package dev.connectadvisor.bench;

import dev.connectadvisor.Situation;
import dev.connectadvisor.facts.Decision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The floor of the start-up and batch figures: the project's precompiled rules called the way
 * someone who skipped the project would call them with Drools alone. The model classes that
 * kie-maven-plugin generated are instantiated and given to {@link KieBaseBuilder}; each
 * situation gets a new session, is inserted and fired, and the verdict is read from the
 * {@link Decision} fact. No note analysis, no advice lists, no JSON answer: the verdict only.
 */
final class BareDrools {
    /** The list kie-maven-plugin writes of the generated model classes. */
    private static final String MODEL_LIST = "META-INF/kie/dev.connectadvisor/connect-advisor/drools-model";
    /** The package of the rules' companion (the verdict table's diagnostics): not needed to advise. */
    private static final String COMPANION = "connectadvisor.companion";

    private BareDrools() {
    }

    /** The KieBase of the precompiled rules (without their companion). */
    static KieBase rules() {
        ClassLoader loader = BareDrools.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(MODEL_LIST)) {
            if (in == null) {
                throw new IllegalStateException("no precompiled rules on the classpath: " + MODEL_LIST);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                String name = line.strip();
                // the first line is "Drools-Model-Version:10.2.0"; the companion is not instantiated
                if (name.isEmpty() || name.contains(":") || name.startsWith(COMPANION + ".")) {
                    continue;
                }
                models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /** A new session: the situation inserted, the rules fired, the verdict read; the session disposed. */
    static String verdict(KieBase rules, Situation situation) {
        KieSession session = rules.newKieSession();
        try {
            session.insert(situation);
            session.fireAllRules();
            for (Object fact : session.getObjects(o -> o instanceof Decision)) {
                return ((Decision) fact).verdict().name();
            }
            return "NO_VERDICT";
        } finally {
            session.dispose();
        }
    }
}
