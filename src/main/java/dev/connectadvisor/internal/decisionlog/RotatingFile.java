package dev.connectadvisor.internal.decisionlog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file of whole lines that rotates by size: once the next line would take {@code FILE} past
 * {@code maxBytes}, {@code FILE} becomes {@code FILE.1} ({@code FILE.1} becomes {@code FILE.2}, and
 * so on), the oldest beyond {@code files} in all is deleted, and the line starts a new {@code FILE}.
 * A line is never split across files. Not thread-safe: one writer owns it. (No library of the
 * project's stack rotates a plain file; slf4j-simple writes to one stream.)
 */
final class RotatingFile implements AutoCloseable {
    private final Path file;
    private final long maxBytes;
    private final int files;
    private OutputStream out;
    private long size;

    /**
     * @param files how many files to keep, the one being written included (1: no rotated copies)
     * @throws IOException if the file cannot be opened for appending
     */
    RotatingFile(Path file, long maxBytes, int files) throws IOException {
        if (maxBytes < 1 || files < 1) {
            throw new IllegalArgumentException("the size and the number of files must be at least 1");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.files = files;
        open();
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                64 * 1024);
        size = Files.size(file);
    }

    /** Writes one line (its bytes, newline included), rotating first if it would not fit. */
    void write(byte[] line) throws IOException {
        if (size > 0 && size + line.length > maxBytes) {
            rotate();
        }
        out.write(line);
        size += line.length;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The path of the {@code n}th rotated copy ({@code FILE.n}). */
    Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void rotate() throws IOException {
        out.close();
        if (files > 1) {
            Files.deleteIfExists(rotated(files - 1));
        }
        for (int n = files - 2; n >= 1; n--) {
            if (Files.exists(rotated(n))) {
                Files.move(rotated(n), rotated(n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (files > 1) {
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file);
        }
        open();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
