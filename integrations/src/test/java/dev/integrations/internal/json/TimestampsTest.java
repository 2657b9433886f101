package dev.integrations.internal.json;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("issue 12: GitHub timestamps parse fast and exactly as Instant.parse does")
class TimestampsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2008-01-14T04:33:35Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z", "2008-01-14T04:33:35.123Z", "2008-01-14T04:33:35+02:00", "2016-12-31T23:59:60Z"})
    @DisplayName("every accepted form gives Instant.parse's instant")
    void acceptedFormsMatchInstantParse(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2008-13-14T04:33:35Z", "2008-01-14T24:33:35Z", "2008-01-14T04:60:35Z",
            "2008-01-1xT04:33:35Z", "2008-01-14 04:33:35Z", "", "yesterday"})
    @DisplayName("every rejected form is rejected as Instant.parse rejects it")
    void rejectedFormsThrowLikeInstantParse(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
