package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Version;
import dev.connectadvisor.internal.engine.OptionalModules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the enforcer rules in pom.xml guard at build time, seen from the running classpath: no
 * xstream and no drools-xml-support, and the fixed versions of commons-lang3 and Jackson. And what
 * the library's POM forces on an application: only the core path's modules travel, everything else
 * is optional (the consumer tests in src/it check the same from outside, on the installed artifact).
 */
class DependencyHygieneTest {
    @Test
    void xstreamAndDroolsXmlSupport_areNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.drools.xml.support.XMLSupportImpl"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void commonsLang3_isAtLeast3_18_0() {
        String jar = StringUtils.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        String version = jar.replaceAll(".*commons-lang3-([0-9.]+)\\.jar$", "$1");

        assertThat(compare(version, "3.18.0")).as("commons-lang3 " + version).isGreaterThanOrEqualTo(0);
    }

    @Test
    void jackson_isAtLeast2_21_4() {
        Version core = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        Version databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;

        assertThat(core.compareTo(new Version(2, 21, 4, null, null, null))).as("jackson-core " + core).isGreaterThanOrEqualTo(0);
        assertThat(databind.compareTo(new Version(2, 21, 4, null, null, null))).as("jackson-databind " + databind)
                .isGreaterThanOrEqualTo(0);
    }

    /** Drools' run-time modules for the precompiled rules, the advice cache, and the logging API. */
    private static final Set<String> CORE = Set.of("org.kie:kie-api", "org.drools:drools-core", "org.drools:drools-kiesession",
            "org.drools:drools-model-compiler", "org.kie:kie-memory-compiler", "com.github.ben-manes.caffeine:caffeine",
            "org.slf4j:slf4j-api");

    private record Dependency(String key, String scope, boolean optional, List<String> exclusions) {
    }

    private static List<Dependency> declared() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element project = document.getDocumentElement();
        Element dependencies = null;
        for (var child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals("dependencies")) {
                dependencies = e;
            }
        }
        List<Dependency> list = new ArrayList<>();
        NodeList nodes = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            List<String> exclusions = new ArrayList<>();
            NodeList ex = d.getElementsByTagName("exclusion");
            for (int j = 0; j < ex.getLength(); j++) {
                exclusions.add(text((Element) ex.item(j), "artifactId"));
            }
            list.add(new Dependency(text(d, "groupId") + ":" + text(d, "artifactId"), text(d, "scope"),
                    "true".equals(text(d, "optional")), exclusions));
        }
        return list;
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
    }

    @Test
    void onlyTheCorePathTravels_everythingElseIsOptionalOrForTests() throws Exception {
        List<String> travelling = declared().stream()
                .filter(d -> d.scope() == null || d.scope().equals("compile") || d.scope().equals("runtime"))
                .filter(d -> !d.optional()).map(Dependency::key).toList();

        assertThat(travelling).containsExactlyInAnyOrderElementsOf(CORE);
    }

    @Test
    void noLoggingBackend_andNoLog4jBridge_travels() throws Exception {
        for (Dependency d : declared()) {
            if (d.key().equals("org.slf4j:slf4j-simple") || d.key().startsWith("org.apache.logging.log4j:")) {
                assertThat(d.optional() || "test".equals(d.scope())).as(d.key()).isTrue();
            }
        }
    }

    @Test
    void theModelLoader_comesWithoutTheDrlCompiler() throws Exception {
        Dependency loader = declared().stream().filter(d -> d.key().equals("org.drools:drools-model-compiler")).findFirst()
                .orElseThrow();

        assertThat(loader.exclusions()).contains("drools-compiler");
    }

    @Test
    void theCompileModules_areOnThisBuildsClasspath_andAreOptionalInThePom() throws Exception {
        assertThat(OptionalModules.RULE_COMPILER.missing()).isEmpty();
        List<Dependency> declared = declared();
        for (String artifact : OptionalModules.RULE_COMPILER.artifacts()) {
            assertThat(declared).as(artifact).anyMatch(d -> d.key().equals(artifact) && d.optional());
        }
    }

    private static int compare(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
