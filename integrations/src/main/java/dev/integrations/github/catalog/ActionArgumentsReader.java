package dev.integrations.github.catalog;

import dev.integrations.internal.naming.ParameterNames;
import dev.integrations.github.actions.InvalidActionArgumentsException;
import dev.integrations.github.actions.ParameterValue;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns JSON arguments (as an agent sends them) into an action's request record, through the
 * record's canonical constructor, so JSON callers get exactly the checks Java callers get.
 *
 * <p>It reads what the schema promises and is a little lenient where agents commonly slip:
 * parameters may also be given by their Java (camelCase) name, numbers and booleans may arrive
 * as strings, enum values are matched case-insensitively, and gist files may be given in
 * GitHub's own {@code {"name": {"content": "..."}}} shape. Unknown parameters are refused.
 */
final class ActionArgumentsReader {
    private ActionArgumentsReader() {
    }

    static <R extends Record> R read(String action, Class<R> type, @Nullable JsonNode arguments) {
        JsonNode args = arguments == null || arguments.isNull() || arguments.isMissingNode()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : arguments;
        if (!args.isObject()) {
            throw new InvalidActionArgumentsException(action, null, "arguments must be a JSON object, got " + args.getNodeType());
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            byName.put(ActionSchemas.jsonName(component), component);
            byName.putIfAbsent(component.getName(), component);
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = defaultValue(components[i].getType());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = args.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            RecordComponent component = byName.get(field.getKey());
            if (component == null) {
                List<String> known = new ArrayList<>();
                for (RecordComponent c : components) {
                    known.add(ActionSchemas.jsonName(c));
                }
                throw new InvalidActionArgumentsException(action, null, "unknown parameter '" + field.getKey() + "'; known: " + known);
            }
            int index = indexOf(components, component);
            if (!field.getValue().isNull()) {
                values[index] = convert(action, component.getName(), component.getGenericType(), field.getValue());
            }
        }
        return construct(action, type, components, values);
    }

    private static <R extends Record> R construct(String action, Class<R> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidActionArgumentsException invalid) {
                throw invalid.forAction(action);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static int indexOf(RecordComponent[] components, RecordComponent component) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].equals(component)) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private static @Nullable Object defaultValue(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String action, String parameter, Type type, JsonNode value) {
        if (type == String.class) {
            if (!value.isTextual()) {
                throw wrongType(action, parameter, "a string", value);
            }
            return value.asText();
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            long number;
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                number = value.asLong();
            } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,18}")) {
                number = Long.parseLong(value.asText().trim());
            } else {
                throw wrongType(action, parameter, "an integer", value);
            }
            if (type == int.class || type == Integer.class) {
                if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                    throw new InvalidActionArgumentsException(action, parameter, ParameterNames.label(parameter) + " is out of range: " + number);
                }
                return (int) number;
            }
            return number;
        }
        if (type == boolean.class || type == Boolean.class) {
            if (value.isBoolean()) {
                return value.asBoolean();
            }
            if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(value.asText());
            }
            throw wrongType(action, parameter, "true or false", value);
        }
        if (type == Instant.class) {
            if (value.isTextual()) {
                try {
                    return Instant.parse(value.asText());
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw wrongType(action, parameter, "an ISO 8601 instant such as 2030-01-31T18:00:00Z", value);
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            if (value.isTextual()) {
                for (Object constant : c.getEnumConstants()) {
                    String wire = ((ParameterValue) constant).value();
                    if (wire.equalsIgnoreCase(value.asText()) || ((Enum) constant).name().equalsIgnoreCase(value.asText())) {
                        return constant;
                    }
                }
            }
            List<String> allowed = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                allowed.add(((ParameterValue) constant).value());
            }
            throw wrongType(action, parameter, "one of " + allowed, value);
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            if (!value.isObject()) {
                throw wrongType(action, parameter, "an object", value);
            }
            try {
                return read(action, (Class<? extends Record>) c, value);
            } catch (InvalidActionArgumentsException e) {
                // The message is always "action: detail" (see the exception's constructor).
                String message = String.valueOf(e.getMessage());
                throw new InvalidActionArgumentsException(action, parameter, "in " + ParameterNames.label(parameter) + ": "
                        + message.substring(message.indexOf(": ") + 2));
            }
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!value.isArray()) {
                throw wrongType(action, parameter, "an array", value);
            }
            List<Object> items = new ArrayList<>();
            for (JsonNode item : value) {
                items.add(convert(action, parameter, p.getActualTypeArguments()[0], item));
            }
            return items;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            if (!value.isObject()) {
                throw wrongType(action, parameter, "an object", value);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode item = entry.getValue();
                // GitHub's own shape for gist files: {"name": {"content": "..."}}.
                if (item.isObject() && item.has("content") && item.size() == 1) {
                    item = item.get("content");
                }
                map.put(entry.getKey(), convert(action, parameter, p.getActualTypeArguments()[1], item));
            }
            return map;
        }
        throw new IllegalStateException("cannot read " + type + " for " + action + "." + parameter);
    }

    private static InvalidActionArgumentsException wrongType(String action, String parameter, String expected, JsonNode value) {
        return new InvalidActionArgumentsException(action, parameter, ParameterNames.label(parameter) + " must be " + expected
                + ", got " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
}
