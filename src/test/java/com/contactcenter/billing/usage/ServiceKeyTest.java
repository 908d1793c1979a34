package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceKeyTest {

    @Test
    void listsTheSevenServicesInTheOrderOfTheRules() {
        assertThat(Arrays.stream(ServiceKey.values()).map(ServiceKey::key))
                .containsExactly(
                        "sms_out",
                        "email_out",
                        "whatsapp_out",
                        "whatsapp_in",
                        "voice_minutes",
                        "video_minutes",
                        "bot_sessions");
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({
        "sms_out,       SMS salientes",
        "email_out,     Correo saliente",
        "whatsapp_out,  WhatsApp salientes",
        "whatsapp_in,   WhatsApp entrantes",
        "voice_minutes, Llamadas",
        "video_minutes, Videollamadas",
        "bot_sessions,  Bot",
    })
    void showsEachServiceWithItsSpanishName(String key, String expectedLabel) {
        assertThat(ServiceKey.ofKey(key).map(ServiceKey::spanishLabel)).contains(expectedLabel);
    }

    /** The rules' table of services: what each counts (event rows, channel types, directions) and its unit. */
    @ParameterizedTest(name = "{0}: {2} rows on {3}, {4}, in {1}")
    @CsvSource({
        "sms_out,       SEGMENTS, MESSAGE,     sms,      out",
        "email_out,     MESSAGES, MESSAGE,     email,    out",
        "whatsapp_out,  MESSAGES, MESSAGE,     whatsapp, out",
        "whatsapp_in,   MESSAGES, MESSAGE,     whatsapp, in",
        "voice_minutes, MINUTES,  CALL,        voice,    in out",
        "video_minutes, MINUTES,  CALL,        video,    in out",
        "bot_sessions,  SESSIONS, BOT_SESSION, whatsapp sms email voice video webchat facebook instagram, -",
    })
    void countsTheRowsTheRulesSayInTheirUnit(
            String key, Unit expectedUnit, Unit.Event expectedEvent, String expectedTypes, String expectedDirections) {
        // given
        ServiceKey service = ServiceKey.ofKey(key).orElseThrow();
        List<String> expected = new ArrayList<>();
        for (String type : expectedTypes.split(" ")) {
            for (String direction : expectedDirections.split(" ")) {
                expected.add(expectedEvent + " " + type + " " + direction);
            }
        }

        // when
        List<String> counted = new ArrayList<>();
        for (Unit.Event event : Unit.Event.values()) {
            // bot sessions have no direction; messages and calls are in or out
            Direction[] directions = event == Unit.Event.BOT_SESSION ? new Direction[] {null} : Direction.values();
            for (ChannelType type : ChannelType.values()) {
                for (Direction direction : directions) {
                    if (service.counts(event, type, direction)) {
                        counted.add(event + " " + type.code() + " "
                                + (direction == null ? "-" : direction.name().toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }

        // then
        assertThat(service.unit()).isEqualTo(expectedUnit);
        assertThat(service.unit().event()).isEqualTo(expectedEvent);
        assertThat(counted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"SMS_OUT", "sms", "'sms_out '", "''"})
    void knowsNoOtherServiceKey(String key) {
        assertThat(ServiceKey.ofKey(key)).isEqualTo(Optional.empty());
    }

    @Test
    void ordersRowReasonsAsTheRulesDecideThemThenUserFindings() {
        assertThat(Arrays.stream(Finding.values()).map(Finding::code))
                .containsExactly(
                        "unknown_channel",
                        "unknown_channel_type",
                        "bad_direction",
                        "negative_duration",
                        "bad_segments",
                        "future_timestamp",
                        "deactivated_before_created",
                        "unknown_role");
    }
}
