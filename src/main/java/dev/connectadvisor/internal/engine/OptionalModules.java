package dev.connectadvisor.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library's optional modules: what a feature beyond the core path needs on the classpath, and
 * the check that fails at once, naming the Maven artifacts to add, before the feature could end in
 * a {@code NoClassDefFoundError} deep inside Drools or Jackson. The core path (the precompiled
 * rules: advise, explain, plan) needs none of them.
 */
public enum OptionalModules {
    /**
     * Compiling a rules folder at run time ({@code ConnectAdvisor.fromDirectory}, verify, a rules
     * folder given to the command line or the service): the DRL compiler, its MVEL dialect, the
     * decision tables (with POI) and the CSV reader of the folder's data files.
     */
    RULE_COMPILER("compiling rules at run time (ConnectAdvisor.fromDirectory)", probes(
            "org.drools.compiler.kie.builder.impl.KieServicesImpl", "org.drools:drools-compiler",
            "org.drools.mvel.MVELConstraintBuilder", "org.drools:drools-mvel",
            "org.drools.decisiontable.SpreadsheetCompiler", "org.drools:drools-decisiontables",
            "com.fasterxml.jackson.dataformat.csv.CsvFactory", "com.fasterxml.jackson.dataformat:jackson-dataformat-csv"));

    /** Where the library's page lists each feature's modules. */
    public static final String DOCS = "docs/java.md";

    private final String feature;
    /** A class each module holds, by the module's Maven coordinates. */
    private final Map<String, String> classByArtifact;

    OptionalModules(String feature, Map<String, String> classByArtifact) {
        this.feature = feature;
        this.classByArtifact = classByArtifact;
    }

    private static Map<String, String> probes(String... classThenArtifact) {
        Map<String, String> byArtifact = new LinkedHashMap<>();
        for (int i = 0; i < classThenArtifact.length; i += 2) {
            byArtifact.put(classThenArtifact[i + 1], classThenArtifact[i]);
        }
        return byArtifact;
    }

    /** The Maven coordinates (groupId:artifactId) of the modules this feature needs. */
    public List<String> artifacts() {
        return List.copyOf(classByArtifact.keySet());
    }

    /** The modules of this feature that the classpath lacks, by their coordinates; empty when all are there. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        ClassLoader loader = OptionalModules.class.getClassLoader();
        classByArtifact.forEach((artifact, probe) -> {
            try {
                Class.forName(probe, false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                missing.add(artifact);
            }
        });
        return missing;
    }

    /**
     * Returns when every module of this feature is on the classpath.
     *
     * @throws IllegalStateException naming the missing artifacts, when one is not
     */
    public void require() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(feature + " needs " + String.join(", ", missing)
                    + " on the classpath, which " + (missing.size() == 1 ? "is" : "are")
                    + " optional dependencies of dev.connectadvisor:connect-advisor: add "
                    + (missing.size() == 1 ? "it" : "them") + " to your build (" + DOCS + " lists each feature's modules)");
        }
    }
}
