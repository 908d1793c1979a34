package com.contactcenter.billing.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes files to temporary files next to them, then moves them into place: never half a file. */
public final class AtomicFiles {

    /** What writes the content. */
    public interface Body {
        void write(OutputStream out) throws Exception;
    }

    private AtomicFiles() {}

    public static Path write(Path target, Body body) {
        return writeAll(new LinkedHashMap<>(Map.of(target, body))).get(0);
    }

    /**
     * Writes every file to a temporary file first and moves them into place only when all were
     * written: one failing file leaves none of them behind.
     */
    public static List<Path> writeAll(Map<Path, Body> files) {
        Map<Path, Path> written = new LinkedHashMap<>();
        Path current = null;
        try {
            for (Map.Entry<Path, Body> file : files.entrySet()) {
                current = file.getKey().toAbsolutePath().normalize();
                Files.createDirectories(current.getParent());
                Path tmp = Files.createTempFile(current.getParent(), "." + current.getFileName(), ".tmp");
                written.put(current, tmp);
                // buffered: POI writes an .xlsx in over a thousand pieces of a few hundred bytes
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    file.getValue().write(out);
                }
                try {
                    // temporary files are private; a report is for whoever may read the folder
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException notPosix) {
                    // keep the file system's defaults
                }
            }
            for (Map.Entry<Path, Path> file : written.entrySet()) {
                current = file.getKey();
                try {
                    Files.move(
                            file.getValue(),
                            current,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(file.getValue(), current, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return List.copyOf(written.keySet());
        } catch (Exception e) {
            for (Path tmp : written.values()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write's own failure is what the user needs to see
                }
            }
            throw new ReportException("cannot write " + current + ": " + reason(e), e);
        }
    }

    /** One line; file-system errors name the file and why, not only the file. */
    public static String reason(Exception e) {
        if (e instanceof FileSystemException fs) {
            String why = fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason();
            return why + " (" + fs.getFile() + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
