package com.contactcenter.billing.report.excel;

import java.nio.file.Path;

/** The Excel template is missing, unreadable or not shaped as the writer expects. */
public class ExcelTemplateException extends RuntimeException {

    ExcelTemplateException(Path template, String problem) {
        this(template, problem, null);
    }

    ExcelTemplateException(Path template, String problem, Throwable cause) {
        super(oneLine("Excel template " + template.toAbsolutePath().normalize() + ": " + problem), cause);
    }

    /** Operators read this in a log line or a CLI error: keep it to one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
