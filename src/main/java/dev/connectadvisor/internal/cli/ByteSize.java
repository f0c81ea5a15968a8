package dev.connectadvisor.internal.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size flag's value: bytes, or a whole number with KB, MB or GB (powers of 1024), e.g. {@code 100MB}. */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*(B|KB|MB|GB)?");

    private ByteSize() {
    }

    /** @throws IllegalArgumentException naming the flag and what it takes */
    static long parse(String flag, String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + " takes a size in bytes, or with KB, MB or GB (e.g. 100MB), got '"
                    + text + "'");
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }
}
