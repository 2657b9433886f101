package dev.integrations.github.catalog;

import dev.integrations.github.actions.ActionParameter;
import dev.integrations.internal.naming.ParameterNames;
import dev.integrations.github.actions.ParameterValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Derives an action's JSON Schema from its request record: one property per component, named
 * and described by its {@link ActionParameter}, typed from its Java type. The records and their
 * annotations are generated from the action declarations, so the schema follows the declaration
 * that also produced the record's checks.
 */
final class ActionSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActionSchemas() {
    }

    /** The schema of a request record; for {@code null} (an action without parameters) an empty object schema. */
    static ObjectNode of(@Nullable Class<? extends Record> type) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        if (type != null) {
            for (RecordComponent component : type.getRecordComponents()) {
                ActionParameter parameter = parameter(component);
                ObjectNode property = typeOf(component.getGenericType(), component);
                property.put("description", parameter.value());
                if (parameter.minimum() != Long.MIN_VALUE) {
                    property.put("minimum", parameter.minimum());
                }
                if (parameter.maximum() != Long.MAX_VALUE) {
                    property.put("maximum", parameter.maximum());
                }
                properties.set(jsonName(component), property);
                if (parameter.required()) {
                    required.add(jsonName(component));
                }
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        // Agents that invent parameters should hear about it rather than have them ignored.
        schema.put("additionalProperties", false);
        return schema;
    }

    static ActionParameter parameter(RecordComponent component) {
        ActionParameter parameter = component.getAnnotation(ActionParameter.class);
        if (parameter == null) {
            throw new IllegalStateException(component.getDeclaringRecord().getSimpleName() + "." + component.getName()
                    + " has no @ActionParameter");
        }
        return parameter;
    }

    static String jsonName(RecordComponent component) {
        String name = parameter(component).name();
        return name.isEmpty() ? ParameterNames.snakeCase(component.getName()) : name;
    }

    private static ObjectNode typeOf(Type type, RecordComponent component) {
        if (type == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return NODES.objectNode().put("type", "integer");
        }
        if (type == boolean.class || type == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (type == Instant.class) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (type instanceof Class<?> c && c.isEnum() && ParameterValue.class.isAssignableFrom(c)) {
            ObjectNode schema = NODES.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((ParameterValue) constant).value());
            }
            return schema;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            @SuppressWarnings("unchecked")
            ObjectNode nested = of((Class<? extends Record>) c);
            return nested;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            ObjectNode schema = NODES.objectNode().put("type", "array");
            schema.set("items", typeOf(p.getActualTypeArguments()[0], component));
            return schema;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class && p.getActualTypeArguments()[0] == String.class) {
            ObjectNode schema = NODES.objectNode().put("type", "object");
            schema.set("additionalProperties", typeOf(p.getActualTypeArguments()[1], component));
            return schema;
        }
        throw new IllegalStateException("no JSON Schema type for " + type + " of " + component);
    }
}
