package dev.connectadvisor.internal.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import dev.connectadvisor.internal.policy.Companion;
import dev.connectadvisor.internal.policy.PolicyModel;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.drools.core.impl.RuleBaseFactory;

/**
 * The built-in rules as compiled at build time: kie-maven-plugin turns {@code rules/} (and the
 * companion generated from it, in its own package) into executable-model classes and lists them
 * in {@link #MODEL_LIST}. Loading them needs no DRL
 * parser, no compiler and no {@code kmodule.xml} (so no xstream): the classes are instantiated
 * and handed to {@link KieBaseBuilder}.
 */
final class Precompiled {
    /** Written by kie-maven-plugin for this project's groupId and artifactId. */
    static final String MODEL_LIST = "META-INF/kie/dev.connectadvisor/connect-advisor/drools-model";

    private Precompiled() {
    }

    /** True when the jar (or target/classes) carries the precompiled model. */
    static boolean available() {
        return Precompiled.class.getClassLoader().getResource(MODEL_LIST) != null;
    }

    private static KieBaseConfiguration configuration(ClassLoader loader) {
        return RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader);
    }

    /**
     * Loads the precompiled rules.
     *
     * @return the built-in rule base
     * @throws IllegalStateException if the model list is missing or names a class that cannot be
     *     loaded (a broken build)
     */
    static RuleBase load() {
        ClassLoader loader = Precompiled.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        List<Model> companion = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(MODEL_LIST)) {
            if (in == null) {
                throw new IllegalStateException("the precompiled rules are missing from the classpath: " + MODEL_LIST);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                String name = line.strip();
                // the first line is "Drools-Model-Version:10.2.0"; the others name one model class each
                if (name.isEmpty() || name.contains(":")) {
                    continue;
                }
                Model model = (Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
                (Companion.PACKAGE.equals(model.getPackageName()) ? companion : models).add(model);
                Timeline.mark("model classes instantiated: " + model.getPackageName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the precompiled rules: " + e, e);
        }
        if (models.isEmpty() || companion.isEmpty()) {
            throw new IllegalStateException("the precompiled rule list names no model of the rules or no companion: "
                    + MODEL_LIST);
        }
        // A configuration of drools-core's own: KieBaseBuilder's default asks KieServices, whose
        // implementation lives in drools-compiler, which the precompiled rules do not need.
        KieBase rules = KieBaseBuilder.createKieBaseFromModel(models, configuration(loader));
        Timeline.mark("rules KieBase built");
        PolicyModel policy = PolicyModel.of(companion);
        Timeline.mark("policy model read");
        String version = RuleFolder.builtInVersion();
        Timeline.mark("rulesVersion");
        return new RuleBase(rules, new Built(companion, loader), policy, version);
    }

    /**
     * The companion's KieBase, built on first use: advice needs only its metadata (the policy
     * model, read from the model itself), explanations and checks run its rules.
     */
    private static final class Built implements java.util.function.Supplier<KieBase> {
        private final List<Model> models;
        private final ClassLoader loader;
        private volatile KieBase base;

        Built(List<Model> models, ClassLoader loader) {
            this.models = List.copyOf(models);
            this.loader = loader;
        }

        @Override
        public KieBase get() {
            KieBase built = base;
            if (built == null) {
                synchronized (this) {
                    built = base;
                    if (built == null) {
                        built = KieBaseBuilder.createKieBaseFromModel(models, configuration(loader));
                        base = built;
                    }
                }
            }
            return built;
        }
    }
}
