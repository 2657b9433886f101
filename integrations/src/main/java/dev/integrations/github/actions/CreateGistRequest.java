package dev.integrations.github.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createGist}, which creates a gist.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param files Required. The files of the gist: file name to content.
 * @param description A description of the gist.
 * @param isPublic Whether the gist is public (GitHub's default: secret).
 */
public record CreateGistRequest(
        @ActionParameter(value = "The files of the gist: file name to content.", required = true)
        Map<String, String> files,
        @ActionParameter(value = "A description of the gist.")
        String description,
        @ActionParameter(value = "Whether the gist is public (GitHub's default: secret).", name = "public")
        Boolean isPublic) {
    private static final String ACTION = "createGist";

    public CreateGistRequest {
        files = Arguments.requireNonEmpty(ACTION, "files", files);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateGistRequest.of(r -> r.files(...))}. */
    public static CreateGistRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateGistRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private Map<String, String> files;
        private String description;
        private Boolean isPublic;

        private Builder() {
        }

        /** The files of the gist: file name to content. */
        public Builder files(Map<String, String> files) {
            this.files = files;
            return this;
        }

        /** A description of the gist. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Whether the gist is public (GitHub's default: secret). */
        public Builder isPublic(Boolean isPublic) {
            this.isPublic = isPublic;
            return this;
        }
        /** Adds one file. */
        public Builder file(String name, String content) {
            if (this.files == null) {
                this.files = new LinkedHashMap<>();
            } else if (!(this.files instanceof LinkedHashMap)) {
                this.files = new LinkedHashMap<>(this.files);
            }
            this.files.put(name, content);
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateGistRequest build() {
            return new CreateGistRequest(files, description, isPublic);
        }
    }
}
