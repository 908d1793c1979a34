package com.contactcenter.billing.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file to a temporary file next to it, then moves it into place: never half a file. */
public final class AtomicFiles {

    /** What writes the content. */
    public interface Body {
        void write(OutputStream out) throws Exception;
    }

    private AtomicFiles() {
    }

    public static Path write(Path target, Body body) {
        Path absolute = target.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(absolute.getParent());
            tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            try {
                // temporary files are private; a report is for whoever may read the folder
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // keep the file system's defaults
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return absolute;
        } catch (Exception e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write's own failure is what the user needs to see
                }
            }
            throw new ReportException("cannot write " + absolute + ": " + reason(e), e);
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
