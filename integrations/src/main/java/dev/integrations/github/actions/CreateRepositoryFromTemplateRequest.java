package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createRepositoryFromTemplate}, which creates a repository from a template repository.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param templateOwner Required. The owner of the template repository.
 * @param templateRepo Required. The name of the template repository.
 * @param name Required. The name of the new repository.
 * @param owner The user or organization to own the new repository; default: the authenticated user.
 * @param description A short description of the new repository.
 * @param includeAllBranches Whether to copy every branch of the template, not just the default one.
 * @param isPrivate Whether the new repository is private.
 */
public record CreateRepositoryFromTemplateRequest(
        @ActionParameter(value = "The owner of the template repository.", required = true)
        String templateOwner,
        @ActionParameter(value = "The name of the template repository.", required = true)
        String templateRepo,
        @ActionParameter(value = "The name of the new repository.", required = true)
        String name,
        @ActionParameter(value = "The user or organization to own the new repository; default: the authenticated user.")
        String owner,
        @ActionParameter(value = "A short description of the new repository.")
        String description,
        @ActionParameter(value = "Whether to copy every branch of the template, not just the default one.")
        Boolean includeAllBranches,
        @ActionParameter(value = "Whether the new repository is private.", name = "private")
        Boolean isPrivate) {
    private static final String ACTION = "createRepositoryFromTemplate";

    public CreateRepositoryFromTemplateRequest {
        Arguments.requireText(ACTION, "templateOwner", templateOwner);
        Arguments.requireText(ACTION, "templateRepo", templateRepo);
        Arguments.requireText(ACTION, "name", name);
        Arguments.optionalName(ACTION, "owner", owner);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateRepositoryFromTemplateRequest.of(r -> r.templateOwner(...))}. */
    public static CreateRepositoryFromTemplateRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateRepositoryFromTemplateRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String templateOwner;
        private String templateRepo;
        private String name;
        private String owner;
        private String description;
        private Boolean includeAllBranches;
        private Boolean isPrivate;

        private Builder() {
        }

        /** The owner of the template repository. */
        public Builder templateOwner(String templateOwner) {
            this.templateOwner = templateOwner;
            return this;
        }

        /** The name of the template repository. */
        public Builder templateRepo(String templateRepo) {
            this.templateRepo = templateRepo;
            return this;
        }

        /** The name of the new repository. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The user or organization to own the new repository; default: the authenticated user. */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** A short description of the new repository. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Whether to copy every branch of the template, not just the default one. */
        public Builder includeAllBranches(Boolean includeAllBranches) {
            this.includeAllBranches = includeAllBranches;
            return this;
        }

        /** Whether the new repository is private. */
        public Builder isPrivate(Boolean isPrivate) {
            this.isPrivate = isPrivate;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateRepositoryFromTemplateRequest build() {
            return new CreateRepositoryFromTemplateRequest(templateOwner, templateRepo, name, owner, description, includeAllBranches, isPrivate);
        }
    }
}
