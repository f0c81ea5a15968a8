package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API boundary: the public types of {@code dev.connectadvisor} (and the rule authors' facts)
 * show no Drools type and no internal type in any public signature, and hold no public mutable
 * static; every internal package says it is not API.
 */
class ApiBoundaryTest {
    private static final Path CLASSES = Path.of("target/classes/dev/connectadvisor");

    @Test
    void publicSignatures_mentionNeitherDroolsNorInternalTypes() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    check(leaks, type, method.getName() + " returns", method.getGenericReturnType());
                    check(leaks, type, method);
                }
            }
            for (var constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    check(leaks, type, constructor);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    check(leaks, type, "field " + field.getName(), field.getGenericType());
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(leaks, type, "component " + component.getName(), component.getGenericType());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /**
     * The API's classes link none of the library's optional modules, so that each loads with the
     * core path's classpath alone (the consumer test rules-folder runs advise, explain and plan
     * there): no Jackson, picocli, Jetty, Micrometer, ical4j, POI or DRL compiler in their code.
     */
    @Test
    void apiClasses_linkNoOptionalModule() throws IOException {
        List<String> optional = List.of("com/fasterxml/", "picocli/", "org/eclipse/jetty/", "io/micrometer/", "net/fortuna/",
                "org/apache/poi/", "org/drools/decisiontable/", "org/drools/compiler/", "org/drools/mvel/", "org/slf4j/simple/");
        List<String> links = new ArrayList<>();
        for (Path dir : List.of(CLASSES, CLASSES.resolve("facts"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    // class names stand in the constant pool as plain (modified UTF-8) text
                    String pool = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                    optional.stream().filter(pool::contains).forEach(p -> links.add(file.getFileName() + " links " + p));
                }
            }
        }
        assertThat(links).isEmpty();
    }

    @Test
    void noPublicMutableStatic() throws Exception {
        List<String> mutable = new ArrayList<>();
        for (Class<?> type : allTypes()) {
            for (Field field : type.getDeclaredFields()) {
                int m = field.getModifiers();
                if (Modifier.isPublic(m) && Modifier.isStatic(m) && !Modifier.isFinal(m) && !field.isSynthetic()) {
                    mutable.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertThat(mutable).isEmpty();
    }

    @Test
    void everyInternalPackage_saysItIsNotApi() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/dev/connectadvisor/internal"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path info = dir.resolve("package-info.java");
                assertThat(info).as(dir.toString()).exists();
                assertThat(Files.readString(info)).as(info.toString()).contains("Not API");
            }
        }
    }

    private static void check(List<String> leaks, Class<?> owner, Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(leaks, owner, executable.getName() + " takes", parameter);
        }
    }

    private static void check(List<String> leaks, Class<?> owner, String where, Type type) {
        String name = type.getTypeName();
        if (name.contains("org.kie.") || name.contains("org.drools.") || name.contains("dev.connectadvisor.internal.")) {
            leaks.add(owner.getName() + ": " + where + " " + name);
        }
    }

    /** The public top-level and nested types of the API packages. */
    private static List<Class<?>> publicTypes() throws Exception {
        return allTypes().stream().filter(c -> Modifier.isPublic(c.getModifiers()))
                .filter(c -> c.getPackageName().equals("dev.connectadvisor") || c.getPackageName().equals("dev.connectadvisor.facts"))
                .toList();
    }

    private static List<Class<?>> allTypes() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "dev.connectadvisor." + CLASSES.relativize(file).toString().replace('/', '.')
                        .replaceAll("\\.class$", "");
                if (name.endsWith("package-info") || name.matches(".*\\$\\d+.*")) {
                    continue;
                }
                types.add(Class.forName(name, false, ApiBoundaryTest.class.getClassLoader()));
            }
        }
        return types;
    }
}
