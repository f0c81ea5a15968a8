package dev.connectadvisor.internal.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request may call the service by (its Host header, without the port): the loopback
 * names, the address it is bound to, and those the operator adds ({@code --allowed-host}). A page
 * on another site that rebinds its own name to 127.0.0.1 (DNS rebinding) sends its own name, and
 * is refused, so it can neither read answers nor drive the playground.
 */
final class HostCheck {
    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed;

    HostCheck(String boundHost, List<String> extra) {
        Set<String> names = new LinkedHashSet<>(LOOPBACK);
        if (!boundHost.equals("0.0.0.0") && !boundHost.equals("::") && !boundHost.equals("[::]")) {
            names.add(normal(boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost));
        }
        extra.forEach(name -> names.add(normal(name)));
        this.allowed = java.util.Collections.unmodifiableSet(names);
    }

    /** Checks an {@code --allowed-host} value: a host name or address, without port, scheme or path. */
    static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > 253
                || !name.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]")) {
            throw new IllegalArgumentException("--allowed-host must be a host name or address without port or scheme "
                    + "(letters, digits, '.', '-', or an IPv6 address in brackets), got '" + name + "'");
        }
        return name;
    }

    /** True if the Host header (with or without its port) names this service. */
    boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return false;
        }
        return allowed.contains(normal(withoutPort(hostHeader)));
    }

    /** The names allowed, for the error message and the docs. */
    Set<String> names() {
        return allowed;
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
    }

    private static String normal(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
