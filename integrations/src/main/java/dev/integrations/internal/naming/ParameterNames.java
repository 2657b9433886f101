package dev.integrations.internal.naming;

import java.util.Locale;

/**
 * How an action parameter's Java name is spelled in JSON and in messages. Shared by the request
 * records (their checks) and the action catalog (its schemas and argument reader), which live in
 * different packages, so both spell every parameter the same way.
 */
public final class ParameterNames {
    private ParameterNames() {
    }

    /**
     * {@code 'issueNumber' (issue_number)}, or just {@code 'owner'} when both spellings agree.
     *
     * @param parameter the parameter's Java name
     * @return the label used in messages
     */
    public static String label(String parameter) {
        String json = snakeCase(parameter);
        return json.equals(parameter) ? "'" + parameter + "'" : "'" + parameter + "' (" + json + ")";
    }

    /**
     * The JSON (snake_case) name of a Java (camelCase) name.
     *
     * @param camel the Java name, e.g. {@code issueNumber}
     * @return the JSON name, e.g. {@code issue_number}
     */
    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
