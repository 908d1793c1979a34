package com.contactcenter.billing.source;

/** Describes where a JDBC url points without what could be secret in it. */
public final class SourceLocations {

    private SourceLocations() {}

    /** {@code jdbc:mysql://u:p@db1:3306/x?password=y} becomes {@code db1:3306}; an H2 url becomes its path. */
    public static String describe(String url) {
        if (url == null) {
            return "(no url)";
        }
        String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
        int slashes = rest.indexOf("//");
        if (slashes >= 0) {
            String authority = rest.substring(slashes + 2);
            int end = firstOf(authority, "/?;,");
            authority = authority.substring(0, end);
            int at = authority.lastIndexOf('@');
            return at >= 0 ? authority.substring(at + 1) : authority;
        }
        int end = firstOf(rest, ";?");
        return rest.substring(0, end);
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
