package dev.integrations.github.catalog;

import dev.integrations.github.actions.ActionParameter;
import dev.integrations.internal.naming.ParameterNames;
import dev.integrations.github.actions.CodespaceRequest;
import dev.integrations.github.actions.InvalidActionArgumentsException;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.github.GithubActionMethods;
import dev.integrations.github.GithubClient;
import dev.integrations.internal.github.client.DefaultGithubClient;
import dev.integrations.internal.github.client.GeneratedActionDispatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, "each action described once": {@code src/main/actions/github-actions.json} declares
 * every action, and the request records, the catalog, the JSON Schemas and the docs tables all
 * follow from it. These tests read the declaration file itself and hold each of those to it.
 */
@DisplayName("issue 8: every action is declared once and the records, catalog, schema and docs follow the declaration")
class ActionDeclarationsTest {
    private static final String DECLARATIONS = "integrations/src/main/actions/github-actions.json";
    private static final String DOCS = "docs/github-actions.md";
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\| `(\\w+)`(?: \\(`(\\w+)`\\))? \\| `([^`]+)` \\| (yes)? \\| ([^|]*) \\| (.*) \\|$", Pattern.MULTILINE);

    private final JsonNode declarations = readJson(DECLARATIONS);

    @Test
    @DisplayName("the catalog has exactly the declared actions, in declaration order, with the declared descriptions")
    void issue8_everyDeclaredActionHasACatalogEntry() {
        List<String> declared = new ArrayList<>();
        declarations.path("actions").forEach(action -> declared.add(action.path("name").asText()));
        assertThat(declared).hasSize(32).doesNotHaveDuplicates();

        List<String> catalog = new ArrayList<>();
        for (GithubAction action : GithubActions.catalog()) {
            catalog.add(action.name());
        }
        assertThat(catalog).containsExactlyElementsOf(declared);
        for (JsonNode action : declarations.path("actions")) {
            GithubAction entry = definition(action.path("name").asText()).action();
            assertThat(entry.description()).as(entry.name()).isEqualTo(action.path("description").asText());
            ActionDeclaration<?> generated = declaration(entry.name());
            assertThat(generated.group()).as(entry.name()).isEqualTo(action.path("group").asText());
            assertThat(generated.http()).as(entry.name()).isNotEmpty();
            assertThat(generated.requestType() == null ? null : generated.requestType().getSimpleName()).as(entry.name())
                    .isEqualTo(requestTypeName(action));
        }
    }

    @Test
    @DisplayName("each action's JSON Schema is its declaration: names, descriptions, required and limits, nothing more")
    void issue8_schemaMatchesTheDeclaration() {
        for (JsonNode action : declarations.path("actions")) {
            String name = action.path("name").asText();
            JsonNode schema = definition(name).action().parameters();
            List<JsonNode> parameters = parameters(action);
            assertThat(schema.path("properties").size()).as(name).isEqualTo(parameters.size());
            List<String> required = new ArrayList<>();
            for (JsonNode parameter : parameters) {
                String json = jsonName(parameter);
                JsonNode property = schema.path("properties").path(json);
                assertThat(property.isObject()).as("%s.%s in the schema", name, json).isTrue();
                assertThat(property.path("description").asText()).as("%s.%s", name, json)
                        .isEqualTo(parameter.path("description").asText());
                assertThat(property.path("minimum").isMissingNode() ? null : property.path("minimum").asLong())
                        .as("%s.%s minimum", name, json)
                        .isEqualTo(parameter.has("minimum") ? parameter.path("minimum").asLong() : null);
                assertThat(property.path("maximum").isMissingNode() ? null : property.path("maximum").asLong())
                        .as("%s.%s maximum", name, json)
                        .isEqualTo(parameter.has("maximum") ? parameter.path("maximum").asLong() : null);
                if (parameter.path("required").asBoolean()) {
                    required.add(json);
                }
            }
            assertThat(definition(name).action().requiredParameters()).as(name).containsExactlyElementsOf(required);
        }
    }

    @Test
    @DisplayName("the generated records enforce the declared limits: one past each bound is refused, naming the parameter")
    void issue8_recordsEnforceTheDeclaredLimits() {
        int checked = 0;
        for (JsonNode action : declarations.path("actions")) {
            String name = action.path("name").asText();
            ActionDeclaration<?> declaration = declaration(name);
            for (JsonNode parameter : parameters(action)) {
                for (String bound : List.of("minimum", "maximum")) {
                    if (!parameter.has(bound)) {
                        continue;
                    }
                    long outside = parameter.path(bound).asLong() + (bound.equals("minimum") ? -1 : 1);
                    ObjectNode arguments = requiredArguments(action);
                    arguments.put(jsonName(parameter), outside);
                    assertThatThrownBy(() -> ActionArgumentsReader.read(name, declaration.requestType(), arguments))
                            .as("%s with %s = %d", name, parameter.path("name").asText(), outside)
                            .isInstanceOfSatisfying(InvalidActionArgumentsException.class, e -> {
                                assertThat(e.action()).isEqualTo(name);
                                assertThat(e.parameter()).isEqualTo(parameter.path("name").asText());
                            });
                    arguments.put(jsonName(parameter), parameter.path(bound).asLong());
                    assertThat(ActionArgumentsReader.read(name, declaration.requestType(), arguments)).as(name).isNotNull();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    @DisplayName("the records' components and @ActionParameter values are the declared parameters, in order")
    void issue8_recordComponentsAreTheDeclaredParameters() {
        for (JsonNode action : declarations.path("actions")) {
            Class<? extends Record> type = declaration(action.path("name").asText()).requestType();
            List<JsonNode> parameters = parameters(action);
            if (type == null) {
                assertThat(parameters).isEmpty();
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            assertThat(components).as(type.getSimpleName()).hasSize(parameters.size());
            for (int i = 0; i < components.length; i++) {
                JsonNode parameter = parameters.get(i);
                assertThat(components[i].getName()).isEqualTo(parameter.path("name").asText());
                assertThat(components[i].getGenericType().getTypeName().replaceAll("java\\.\\w+\\.|dev\\.[\\w.]+\\.", "").replace(" ", ""))
                        .as("%s.%s", type.getSimpleName(), components[i].getName())
                        .isEqualTo(parameter.path("type").asText().replace(" ", ""));
                ActionParameter annotation = ActionSchemas.parameter(components[i]);
                assertThat(annotation.value()).isEqualTo(parameter.path("description").asText());
                assertThat(annotation.required()).isEqualTo(parameter.path("required").asBoolean());
            }
        }
    }

    @Test
    @DisplayName("the docs page has a generated table per action that lists exactly the declared parameters")
    void issue8_docsHaveACurrentGeneratedSectionPerAction() {
        String docs = read(DOCS);
        for (JsonNode action : declarations.path("actions")) {
            String name = action.path("name").asText();
            Matcher block = Pattern.compile("(?s)### " + name + "\n\n<!-- generated:" + name + " -->\n(.*?)<!-- /generated:"
                    + name + " -->").matcher(docs);
            assertThat(block.find()).as("%s has a generated block right under '### %s'", DOCS, name).isTrue();
            String section = block.group(1);
            assertThat(section).as(name).startsWith(action.path("description").asText() + "\n");
            action.path("http").forEach(http -> assertThat(section).as(name).contains("`" + http.asText() + "`"));
            Map<String, String[]> rows = new LinkedHashMap<>();
            Matcher row = TABLE_ROW.matcher(section);
            while (row.find()) {
                rows.put(row.group(1), new String[] {row.group(2), row.group(3), row.group(4), row.group(5).trim(), row.group(6)});
            }
            List<String> declared = new ArrayList<>();
            for (JsonNode parameter : parameters(action)) {
                String parameterName = parameter.path("name").asText();
                declared.add(parameterName);
                String[] cells = rows.get(parameterName);
                assertThat(cells).as("%s: a row for %s", name, parameterName).isNotNull();
                assertThat(cells[0] == null ? parameterName.equals(jsonName(parameter)) : cells[0].equals(jsonName(parameter)))
                        .as("%s.%s JSON name", name, parameterName).isTrue();
                assertThat(cells[1]).isEqualTo(parameter.path("type").asText());
                assertThat(cells[2] != null).as("%s.%s required", name, parameterName)
                        .isEqualTo(parameter.path("required").asBoolean());
                if (parameter.has("minimum")) {
                    assertThat(cells[3]).as("%s.%s limits", name, parameterName).contains(parameter.path("minimum").asText());
                }
                if (parameter.has("maximum")) {
                    assertThat(cells[3]).as("%s.%s limits", name, parameterName).contains(parameter.path("maximum").asText());
                }
                assertThat(cells[4].replace("\\|", "|")).isEqualTo(parameter.path("description").asText());
            }
            assertThat(rows.keySet()).as(name).containsExactlyElementsOf(declared);
        }
    }

    @Test
    @DisplayName("the docs page's catalog table lists every declared action under its group, in order")
    void issue8_docsCatalogTableFollowsTheDeclaration() {
        Matcher block = Pattern.compile("(?s)<!-- generated:catalog -->\n(.*?)<!-- /generated:catalog -->").matcher(read(DOCS));
        assertThat(block.find()).as("%s has a generated catalog table", DOCS).isTrue();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        declarations.path("actions").forEach(action -> groups.computeIfAbsent(action.path("group").asText(),
                group -> new ArrayList<>()).add("`" + action.path("name").asText() + "`"));
        List<String> rows = new ArrayList<>();
        groups.forEach((group, names) -> rows.add("| " + group + " | " + String.join(", ", names) + " |"));
        assertThat(block.group(1).lines().skip(2).toList()).containsExactlyElementsOf(rows);
    }

    @Test
    @DisplayName("identical requests collapse: no two declared request types have the same parameters")
    void issue8_noTwoRequestTypesAreIdentical() {
        Map<String, String> seen = new HashMap<>();
        for (JsonNode action : declarations.path("actions")) {
            JsonNode request = action.path("request");
            if (!request.isObject()) {
                continue;
            }
            String shape = request.path("parameters").toString() + request.path("checks").toString();
            String earlier = seen.put(shape, request.path("type").asText());
            assertThat(earlier).as("%s has the same parameters and checks as %s", request.path("type").asText(), earlier).isNull();
        }
    }

    @Test
    @DisplayName("the four codespace-name actions share CodespaceRequest, and its failures name the action invoked")
    void issue8_codespaceActionsShareOneRequestType() throws NoSuchMethodException {
        for (String name : List.of("getCodespace", "deleteCodespace", "startCodespace", "stopCodespace")) {
            assertThat(declaration(name).requestType()).as(name).isEqualTo(CodespaceRequest.class);
            assertThat(GithubClient.class.getMethod(name, CodespaceRequest.class)).as(name).isNotNull();
            assertThat(GithubClient.class.getMethod(name, Consumer.class)).as(name).isNotNull();
            assertThatThrownBy(() -> definition(name).invoke(null, new ObjectMapper().readTree("{\"codespace_name\": \" \"}")))
                    .as(name)
                    .isInstanceOfSatisfying(InvalidActionArgumentsException.class, e -> {
                        assertThat(e.action()).isEqualTo(name);
                        assertThat(e.parameter()).isEqualTo("codespaceName");
                        assertThat(e).hasMessage(name + ": missing required parameter 'codespaceName' (codespace_name)");
                    });
        }
        assertThat(CodespaceRequest.of(c -> c.codespaceName("octo-hello-abc123")).codespaceName()).isEqualTo("octo-hello-abc123");
        Method[] codespaceBuilder = CodespaceRequest.Builder.class.getDeclaredMethods();
        assertThat(codespaceBuilder).extracting(Method::getName).contains("codespaceName", "build");
    }

    @Test
    @DisplayName("issue 8: every action's client methods are generated from its declaration, none hand-written in GithubClient or DefaultGithubClient")
    void issue8_clientMethodsAreGeneratedFromTheDeclaration() throws NoSuchMethodException {
        List<String> withRequest = new ArrayList<>();
        for (ActionDeclaration<?> action : ActionDeclarations.ALL) {
            Class<?> request = action.requestType();
            if (request == null) {
                continue;
            }
            String name = action.name();
            withRequest.add(name);
            Method typed = GithubActionMethods.class.getDeclaredMethod(name, request);
            assertThat(Modifier.isAbstract(typed.getModifiers())).as(name).isTrue();
            assertThat(GithubActionMethods.class.getDeclaredMethod(name, Consumer.class).isDefault()).as(name).isTrue();
            assertThat(GithubClient.class.getMethod(name, request).getDeclaringClass()).as(name).isEqualTo(GithubActionMethods.class);
            assertThat(GithubClient.class.getMethod(name, Consumer.class).getDeclaringClass()).as(name)
                    .isEqualTo(GithubActionMethods.class);
            Method dispatched = DefaultGithubClient.class.getMethod(name, request);
            assertThat(dispatched.getDeclaringClass()).as(name).isEqualTo(GeneratedActionDispatch.class);
            assertThat(dispatched.getGenericReturnType()).as(name).isEqualTo(typed.getGenericReturnType());
        }
        assertThat(Arrays.stream(GithubActionMethods.class.getDeclaredMethods()).map(Method::getName).distinct())
                .containsExactlyInAnyOrderElementsOf(withRequest);
        assertThat(Arrays.stream(GeneratedActionDispatch.class.getDeclaredMethods()).map(Method::getName))
                .containsExactlyInAnyOrderElementsOf(withRequest);
    }

    private static ActionDefinition<?, ?> definition(String name) {
        return ActionCatalog.ALL.stream().filter(d -> d.action().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no catalog entry for " + name));
    }

    private static ActionDeclaration<?> declaration(String name) {
        return ActionDeclarations.ALL.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no generated declaration for " + name));
    }

    private String requestTypeName(JsonNode action) {
        JsonNode request = action.path("request");
        return request.isObject() ? request.path("type").asText() : request.isTextual() ? request.asText() : null;
    }

    /** The action's parameters, shared ones resolved, from the request declared here or by the action named. */
    private List<JsonNode> parameters(JsonNode action) {
        String type = requestTypeName(action);
        List<JsonNode> parameters = new ArrayList<>();
        if (type == null) {
            return parameters;
        }
        for (JsonNode candidate : declarations.path("actions")) {
            JsonNode request = candidate.path("request");
            if (request.isObject() && request.path("type").asText().equals(type)) {
                for (JsonNode parameter : request.path("parameters")) {
                    parameters.add(parameter.isTextual() ? declarations.path("parameters").path(parameter.asText()) : parameter);
                }
            }
        }
        return parameters;
    }

    /** Arguments with every required parameter set to a valid value. */
    private ObjectNode requiredArguments(JsonNode action) {
        ObjectNode arguments = new ObjectMapper().createObjectNode();
        for (JsonNode parameter : parameters(action)) {
            if (!parameter.path("required").asBoolean()) {
                continue;
            }
            switch (parameter.path("type").asText()) {
                case "String" -> arguments.put(jsonName(parameter), "x");
                case "long", "int" -> arguments.put(jsonName(parameter), 1);
                default -> throw new AssertionError("no sample for " + parameter);
            }
        }
        return arguments;
    }

    private static String jsonName(JsonNode parameter) {
        return parameter.has("json") ? parameter.path("json").asText() : ParameterNames.snakeCase(parameter.path("name").asText());
    }

    private static JsonNode readJson(String relative) {
        try {
            return new ObjectMapper().readTree(read(relative));
        } catch (IOException e) {
            throw new AssertionError(relative + " is not valid JSON", e);
        }
    }

    private static String read(String relative) {
        Path path = Paths.get("").toAbsolutePath();
        while (path != null && !Files.exists(path.resolve("README.md"))) {
            path = path.getParent();
        }
        assertThat(path).as("the project root (the directory with README.md)").isNotNull();
        try {
            return Files.readString(path.resolve(relative), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new AssertionError("cannot read " + relative, e);
        }
    }
}
