package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Version;
import java.util.Arrays;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

/**
 * What the enforcer rules in pom.xml guard at build time, seen from the running classpath: no
 * xstream and no drools-xml-support, and the fixed versions of commons-lang3 and Jackson.
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
