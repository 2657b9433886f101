package dev.integrations.github.catalog;

import dev.integrations.github.actions.ContractTestSupport;
import dev.integrations.github.actions.InvalidActionArgumentsException;
import dev.integrations.github.actions.ParameterValue;
import dev.integrations.github.actions.SpecStub;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.github.GithubClient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** The actions as data: the catalog, its JSON Schemas, and {@code invoke(name, json)}. */
class GithubActionsCatalogTest extends ContractTestSupport {
    /** The 32 actions of issue 4, by name. */
    private static final List<String> ISSUE_4 = List.of(
            "listRepositories", "findRepository", "createRepository", "createRepositoryFromTemplate",
            "createBranch", "deleteBranch", "findBranch", "createOrUpdateFile",
            "listCodespaces", "listRepositoryCodespaces", "createCodespace", "getCodespace", "deleteCodespace",
            "startCodespace", "stopCodespace",
            "createIssue", "updateIssue", "addLabelsToIssue", "createComment", "findIssue", "findOrCreateIssue",
            "createPullRequest", "updatePullRequest", "submitReview", "findPullRequest", "findOrCreatePullRequest",
            "createGist",
            "getAuthenticatedUser", "findUser", "setProfileStatus", "checkOrganizationMembership", "findOrganization");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GithubActions actions = GithubActions.of(github);

    @Test
    void theCatalogHasExactlyTheActionsOfTheIssue() {
        assertThat(ISSUE_4).hasSize(32).doesNotHaveDuplicates();
        assertThat(actions.list()).extracting(GithubAction::name).containsExactlyElementsOf(ISSUE_4);
        assertThat(GithubActions.catalog()).isEqualTo(actions.list());
    }

    @Test
    void everyActionHasADescriptionAndAnObjectSchemaWithDescribedProperties() {
        for (GithubAction action : actions.list()) {
            assertThat(action.description()).as(action.name()).hasSizeGreaterThan(20);
            JsonNode schema = action.parameters();
            assertThat(schema.path("type").asText()).as(action.name()).isEqualTo("object");
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(action.name()).isFalse();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                assertThat(property.getKey()).as(action.name()).matches("[a-z][a-z0-9_]*");
                assertThat(property.getValue().path("type").asText()).as(action.name() + "." + property.getKey())
                        .isIn("string", "integer", "boolean", "array", "object");
                assertThat(property.getValue().path("description").asText()).as(action.name() + "." + property.getKey())
                        .isNotBlank();
            }
            for (String required : action.requiredParameters()) {
                assertThat(schema.path("properties").has(required)).as(action.name() + " requires " + required).isTrue();
            }
            assertThat(action.parametersAsMap()).containsEntry("type", "object");
        }
    }

    @Test
    void schemasSpeakGithubsLanguage() {
        JsonNode updateIssue = actions.find("updateIssue").orElseThrow().parameters();
        assertThat(actions.find("updateIssue").orElseThrow().requiredParameters()).containsExactly("owner", "repo", "issue_number");
        assertThat(updateIssue.at("/properties/state/enum")).containsExactly(NODES.textNode("open"), NODES.textNode("closed"));
        assertThat(updateIssue.at("/properties/labels/items/type").asText()).isEqualTo("string");
        assertThat(actions.find("createRepository").orElseThrow().parameters().at("/properties/private/type").asText())
                .isEqualTo("boolean");
        assertThat(actions.find("listRepositories").orElseThrow().parameters().at("/properties/per_page/maximum").asInt())
                .isEqualTo(100);
        assertThat(actions.find("createGist").orElseThrow().parameters().at("/properties/files/additionalProperties/type")
                .asText()).isEqualTo("string");
        assertThat(actions.find("createOrUpdateFile").orElseThrow().parameters().at("/properties/committer/required"))
                .containsExactly(NODES.textNode("name"), NODES.textNode("email"));
        assertThat(actions.find("getAuthenticatedUser").orElseThrow().requiredParameters()).isEmpty();
        assertThat(actions.find("nope")).isEmpty();
    }

    /**
     * The schema's {@code required} is the record's: the record accepts the required parameters
     * alone, and refuses each one missing, naming it.
     */
    @Test
    void schemaRequiredMatchesWhatTheRequestRecordsEnforce() {
        for (ActionDefinition<?, ?> definition : ActionCatalog.ALL) {
            Class<? extends Record> type = definition.requestType();
            String name = definition.action().name();
            if (type == null) {
                assertThat(definition.action().requiredParameters()).as(name).isEmpty();
                continue;
            }
            List<String> annotated = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (ActionSchemas.parameter(component).required()) {
                    annotated.add(ActionSchemas.jsonName(component));
                }
            }
            assertThat(definition.action().requiredParameters()).as(name).containsExactlyElementsOf(annotated);

            ObjectNode minimal = requiredArguments(type);
            assertThat(ActionArgumentsReader.read(name, type, minimal)).as(name).isNotNull();
            for (RecordComponent component : type.getRecordComponents()) {
                if (!ActionSchemas.parameter(component).required()) {
                    continue;
                }
                ObjectNode missing = minimal.deepCopy();
                missing.remove(ActionSchemas.jsonName(component));
                assertThatThrownBy(() -> ActionArgumentsReader.read(name, type, missing))
                        .as("%s without %s", name, component.getName())
                        .isInstanceOfSatisfying(InvalidActionArgumentsException.class, e -> {
                            assertThat(e.action()).isEqualTo(name);
                            assertThat(e.parameter()).isEqualTo(component.getName());
                        });
            }
        }
    }

    @Test
    void everyActionIsAProviderMethodWithRequestAndBuilderOverloads() throws NoSuchMethodException {
        for (ActionDefinition<?, ?> definition : ActionCatalog.ALL) {
            String name = definition.action().name();
            if (definition.requestType() == null) {
                assertThat(GithubClient.class.getMethod(name)).as(name).isNotNull();
                continue;
            }
            assertThat(GithubClient.class.getMethod(name, definition.requestType())).as(name).isNotNull();
            Method withBuilder = GithubClient.class.getMethod(name, Consumer.class);
            ParameterizedType consumer = (ParameterizedType) withBuilder.getGenericParameterTypes()[0];
            assertThat(consumer.getActualTypeArguments()[0].getTypeName()).as(name)
                    .isEqualTo(definition.requestType().getName() + "$Builder");
        }
    }

    @Test
    void requiredParametersAreCheckedBeforeAnyRequest() throws Exception {
        for (ActionDefinition<?, ?> definition : ActionCatalog.ALL) {
            String name = definition.action().name();
            if (definition.action().requiredParameters().isEmpty()) {
                continue;
            }
            assertThatThrownBy(() -> actions.invoke(name, "{}")).as(name)
                    .isInstanceOf(InvalidActionArgumentsException.class).hasMessageStartingWith(name + ": missing required parameter");
            Method withBuilder = GithubClient.class.getMethod(name, Consumer.class);
            Consumer<Object> nothing = builder -> { };
            try {
                withBuilder.invoke(github, nothing);
                fail(name + " ran without its required parameters");
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as(name).isInstanceOf(InvalidActionArgumentsException.class)
                        .hasMessageContaining("missing required parameter");
            }
        }
        assertNothingSent();
    }

    @Test
    void invokeCreateIssueRoundTripsGithubsJson() {
        JsonNode issue = actions.invoke("createIssue",
                "{\"owner\":\"octocat\",\"repo\":\"Hello-World\",\"title\":\"Found a bug\",\"labels\":[\"bug\"],\"milestone\":\"1\"}");

        SpecStub.Exchange request = assertRequest("issues/create");
        assertThat(request.json().path("milestone").asLong()).as("a number given as a string").isEqualTo(1L);
        // Compared as text: the SDK reads every integer as a long, the test's own mapper as an int.
        assertThat(issue.toString()).isEqualTo(example("issue").toString());
    }

    @Test
    void invokeFindActionsReturnNullWhenNothingIsFound() {
        stub.answer("repos/get", 404);

        assertThat(actions.invoke("findRepository", "{\"owner\":\"octocat\",\"repo\":\"missing\"}").isNull()).isTrue();
        assertThat(actions.invoke("findBranch", "{\"owner\":\"octocat\",\"repo\":\"Hello-World\",\"branch\":\"main\"}")
                .path("name").asText()).isEqualTo("main");
    }

    @Test
    void invokeActionsWithComposedResults() {
        JsonNode membership = actions.invoke("checkOrganizationMembership", "{\"org\":\"github\",\"username\":\"octocat\"}");
        assertThat(membership.toString())
                .isEqualTo("{\"organization\":\"github\",\"username\":\"octocat\",\"member\":true,\"public_only\":false}");

        JsonNode deleted = actions.invoke("deleteBranch", "{\"owner\":\"octocat\",\"repo\":\"Hello-World\",\"branch\":\"old\"}");
        assertThat(deleted.toString()).isEqualTo("{\"deleted\":true}");

        JsonNode pull = actions.invoke("findOrCreatePullRequest",
                "{\"owner\":\"octocat\",\"repo\":\"Hello-World\",\"head\":\"new-topic\",\"base\":\"master\",\"title\":\"T\"}");
        assertThat(pull.path("created").asBoolean(true)).isFalse();
        assertThat(pull.path("pull_request").path("number").asLong()).isEqualTo(1347L);

        JsonNode me = actions.invoke("getAuthenticatedUser", (String) null);
        assertThat(me.path("login").asText()).isEqualTo("octocat");

        assertRequests("orgs/check-membership-for-user", "git/delete-ref", "pulls/list", "users/get-authenticated");
    }

    @Test
    void invokeIsLenientWhereAgentsCommonlySlip() {
        ObjectNode args = NODES.objectNode();
        args.put("description", "d");
        args.put("public", "true");
        args.putObject("files").putObject("hello.rb").put("content", "puts 1");
        JsonNode gist = actions.invoke("createGist", args);
        assertThat(assertRequest("gists/create").json().path("files").path("hello.rb").path("content").asText()).isEqualTo("puts 1");
        assertThat(gist.path("id").asText()).isEqualTo("2decf6c462d9b4418f2");

        stub.reset();
        actions.invoke("updateIssue", "{\"owner\":\"o\",\"repo\":\"r\",\"issueNumber\":5,\"state\":\"CLOSED\",\"stateReason\":\"Completed\"}");
        JsonNode body = assertRequest("issues/update").json();
        assertThat(body.path("state").asText()).isEqualTo("closed");
        assertThat(body.path("state_reason").asText()).isEqualTo("completed");
    }

    @Test
    void invokeRefusesWhatItCannotRead() {
        assertThatThrownBy(() -> actions.invoke("createIssue", "{\"owner\":\"o\",\"repo\":\"r\",\"title\":\"t\",\"colour\":\"red\"}"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("unknown parameter 'colour'")
                .hasMessageContaining("assignees");
        assertThatThrownBy(() -> actions.invoke("createIssue", "{\"owner\":\"o\",\"repo\":\"r\",\"title\":[\"t\"]}"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("'title' must be a string, got array");
        assertThatThrownBy(() -> actions.invoke("updateIssue", "{\"owner\":\"o\",\"repo\":\"r\",\"issue_number\":1,\"state\":\"shut\"}"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("one of [open, closed]");
        assertThatThrownBy(() -> actions.invoke("createOrUpdateFile",
                "{\"owner\":\"o\",\"repo\":\"r\",\"path\":\"a\",\"message\":\"m\",\"content\":\"c\",\"committer\":{\"name\":\"n\"}}"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("committer").hasMessageContaining("'email'");
        assertThatThrownBy(() -> actions.invoke("createIssue", "{not json"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> actions.invoke("createIssue", "[]"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> actions.invoke("getAuthenticatedUser", "{\"login\":\"x\"}"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("takes no parameters");
        assertThatThrownBy(() -> actions.invoke("deleteRepository", "{}"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("no such GitHub action");
        assertNothingSent();
    }

    /** Valid JSON arguments holding only the required parameters. */
    private static ObjectNode requiredArguments(Class<? extends Record> type) {
        ObjectNode args = NODES.objectNode();
        for (RecordComponent component : type.getRecordComponents()) {
            if (!ActionSchemas.parameter(component).required()) {
                continue;
            }
            String json = ActionSchemas.jsonName(component);
            Class<?> raw = component.getType();
            if (raw == String.class) {
                args.put(json, "x");
            } else if (raw == long.class || raw == Long.class) {
                args.put(json, 1);
            } else if (raw.isEnum()) {
                args.put(json, ((ParameterValue) raw.getEnumConstants()[0]).value());
            } else if (raw == List.class) {
                args.putArray(json).add("x");
            } else if (raw == Map.class) {
                args.putObject(json).put("a.txt", "x");
            } else {
                throw new IllegalStateException("no sample for required " + type.getSimpleName() + "." + component.getName());
            }
        }
        return args;
    }
}
