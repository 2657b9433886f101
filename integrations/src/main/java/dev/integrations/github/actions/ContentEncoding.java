package dev.integrations.github.actions;

/** How the {@code content} of a file write is given. */
public enum ContentEncoding implements ParameterValue {
    /** Text, encoded as UTF-8 and then base64 by the SDK. */
    UTF_8("utf-8"),
    /** Already base64 (binary files); sent as is. */
    BASE64("base64");

    private final String value;

    ContentEncoding(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
