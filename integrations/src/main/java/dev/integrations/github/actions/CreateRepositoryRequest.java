package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createRepository}, which creates a repository for the authenticated user, or in an organization ({@code org}).
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param org Create the repository in this organization instead of the authenticated user's account.
 * @param name Required. The name of the new repository.
 * @param description A short description.
 * @param homepage A URL with more information about the repository.
 * @param isPrivate Whether the repository is private (GitHub's default: public).
 * @param autoInit Whether to create an initial commit with an empty README.
 * @param gitignoreTemplate A .gitignore template to apply, e.g. Java.
 * @param licenseTemplate A license keyword to apply, e.g. mit.
 * @param isTemplate Whether the repository can be used as a template.
 * @param hasIssues Whether issues are enabled.
 * @param hasProjects Whether projects are enabled.
 * @param hasWiki Whether the wiki is enabled.
 */
public record CreateRepositoryRequest(
        @ActionParameter(value = "Create the repository in this organization instead of the authenticated user's account.")
        String org,
        @ActionParameter(value = "The name of the new repository.", required = true)
        String name,
        @ActionParameter(value = "A short description.")
        String description,
        @ActionParameter(value = "A URL with more information about the repository.")
        String homepage,
        @ActionParameter(value = "Whether the repository is private (GitHub's default: public).", name = "private")
        Boolean isPrivate,
        @ActionParameter(value = "Whether to create an initial commit with an empty README.")
        Boolean autoInit,
        @ActionParameter(value = "A .gitignore template to apply, e.g. Java.")
        String gitignoreTemplate,
        @ActionParameter(value = "A license keyword to apply, e.g. mit.")
        String licenseTemplate,
        @ActionParameter(value = "Whether the repository can be used as a template.")
        Boolean isTemplate,
        @ActionParameter(value = "Whether issues are enabled.")
        Boolean hasIssues,
        @ActionParameter(value = "Whether projects are enabled.")
        Boolean hasProjects,
        @ActionParameter(value = "Whether the wiki is enabled.")
        Boolean hasWiki) {
    private static final String ACTION = "createRepository";

    public CreateRepositoryRequest {
        Arguments.requireText(ACTION, "name", name);
        Arguments.optionalName(ACTION, "org", org);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateRepositoryRequest.of(r -> r.org(...))}. */
    public static CreateRepositoryRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateRepositoryRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String org;
        private String name;
        private String description;
        private String homepage;
        private Boolean isPrivate;
        private Boolean autoInit;
        private String gitignoreTemplate;
        private String licenseTemplate;
        private Boolean isTemplate;
        private Boolean hasIssues;
        private Boolean hasProjects;
        private Boolean hasWiki;

        private Builder() {
        }

        /** Create the repository in this organization instead of the authenticated user's account. */
        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /** The name of the new repository. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A short description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** A URL with more information about the repository. */
        public Builder homepage(String homepage) {
            this.homepage = homepage;
            return this;
        }

        /** Whether the repository is private (GitHub's default: public). */
        public Builder isPrivate(Boolean isPrivate) {
            this.isPrivate = isPrivate;
            return this;
        }

        /** Whether to create an initial commit with an empty README. */
        public Builder autoInit(Boolean autoInit) {
            this.autoInit = autoInit;
            return this;
        }

        /** A .gitignore template to apply, e.g. Java. */
        public Builder gitignoreTemplate(String gitignoreTemplate) {
            this.gitignoreTemplate = gitignoreTemplate;
            return this;
        }

        /** A license keyword to apply, e.g. mit. */
        public Builder licenseTemplate(String licenseTemplate) {
            this.licenseTemplate = licenseTemplate;
            return this;
        }

        /** Whether the repository can be used as a template. */
        public Builder isTemplate(Boolean isTemplate) {
            this.isTemplate = isTemplate;
            return this;
        }

        /** Whether issues are enabled. */
        public Builder hasIssues(Boolean hasIssues) {
            this.hasIssues = hasIssues;
            return this;
        }

        /** Whether projects are enabled. */
        public Builder hasProjects(Boolean hasProjects) {
            this.hasProjects = hasProjects;
            return this;
        }

        /** Whether the wiki is enabled. */
        public Builder hasWiki(Boolean hasWiki) {
            this.hasWiki = hasWiki;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateRepositoryRequest build() {
            return new CreateRepositoryRequest(org, name, description, homepage, isPrivate, autoInit, gitignoreTemplate, licenseTemplate, isTemplate, hasIssues, hasProjects, hasWiki);
        }
    }
}
