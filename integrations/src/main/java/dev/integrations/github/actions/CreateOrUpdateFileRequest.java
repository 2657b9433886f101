package dev.integrations.github.actions;

import dev.integrations.internal.github.actions.UrlPath;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createOrUpdateFile}, which creates a file, or replaces its content, in one commit. Without {@code sha} the SDK looks up the current file's blob SHA itself (one extra request), so an update needs no prior read.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param path Required. The file's path in the repository, e.g. docs/README.md.
 * @param message Required. The commit message.
 * @param content Required. The new content: text, or base64 when encoding is base64.
 * @param encoding How content is given: utf-8 text (default) or base64.
 * @param sha The blob SHA of the file being replaced; looked up when left out.
 * @param branch The branch to commit to; default: the repository's default branch.
 * @param committer The committer; default: the authenticated user.
 * @param author The author; default: the committer.
 */
public record CreateOrUpdateFileRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The file's path in the repository, e.g. docs/README.md.", required = true)
        String path,
        @ActionParameter(value = "The commit message.", required = true)
        String message,
        @ActionParameter(value = "The new content: text, or base64 when encoding is base64.", required = true)
        String content,
        @ActionParameter(value = "How content is given: utf-8 text (default) or base64.")
        ContentEncoding encoding,
        @ActionParameter(value = "The blob SHA of the file being replaced; looked up when left out.")
        String sha,
        @ActionParameter(value = "The branch to commit to; default: the repository's default branch.")
        String branch,
        @ActionParameter(value = "The committer; default: the authenticated user.")
        GitIdentity committer,
        @ActionParameter(value = "The author; default: the committer.")
        GitIdentity author) {
    private static final String ACTION = "createOrUpdateFile";

    public CreateOrUpdateFileRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requireText(ACTION, "path", path);
        Arguments.requireText(ACTION, "message", message);
        Arguments.requireText(ACTION, "content", content);
        Arguments.optionalName(ACTION, "sha", sha);
        Arguments.optionalName(ACTION, "branch", branch);
        path = UrlPath.normalizeFilePath(ACTION, path);
        if (encoding == ContentEncoding.BASE64) {
            try {
                Base64.getMimeDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new InvalidActionArgumentsException(ACTION, "content", "'content' is not valid base64 although 'encoding' is base64");
            }
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateOrUpdateFileRequest.of(r -> r.owner(...))}. */
    public static CreateOrUpdateFileRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateOrUpdateFileRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String path;
        private String message;
        private String content;
        private ContentEncoding encoding;
        private String sha;
        private String branch;
        private GitIdentity committer;
        private GitIdentity author;

        private Builder() {
        }

        /** The account owner of the repository: a user or organization login (not case-sensitive). */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** The name of the repository, without the .git extension (not case-sensitive). */
        public Builder repo(String repo) {
            this.repo = repo;
            return this;
        }

        /** The file's path in the repository, e.g. docs/README.md. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The commit message. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** The new content: text, or base64 when encoding is base64. */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** How content is given: utf-8 text (default) or base64. */
        public Builder encoding(ContentEncoding encoding) {
            this.encoding = encoding;
            return this;
        }

        /** The blob SHA of the file being replaced; looked up when left out. */
        public Builder sha(String sha) {
            this.sha = sha;
            return this;
        }

        /** The branch to commit to; default: the repository's default branch. */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /** The committer; default: the authenticated user. */
        public Builder committer(GitIdentity committer) {
            this.committer = committer;
            return this;
        }

        /** The author; default: the committer. */
        public Builder author(GitIdentity author) {
            this.author = author;
            return this;
        }
        /** Binary content: sent base64-encoded. */
        public Builder content(byte[] bytes) {
            this.content = Base64.getEncoder().encodeToString(bytes);
            this.encoding = ContentEncoding.BASE64;
            return this;
        }

        /** The committer. */
        public Builder committer(String name, String email) {
            return committer(GitIdentity.of(name, email));
        }

        /** The author. */
        public Builder author(String name, String email) {
            return author(GitIdentity.of(name, email));
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateOrUpdateFileRequest build() {
            return new CreateOrUpdateFileRequest(owner, repo, path, message, content, encoding, sha, branch, committer, author);
        }
    }
}
