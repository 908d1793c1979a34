package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceKeyTest {

    @Test
    void listsTheSevenServicesInTheOrderOfTheRules() {
        assertThat(Arrays.stream(ServiceKey.values()).map(ServiceKey::key)).containsExactly(
                "sms_out", "email_out", "whatsapp_out", "whatsapp_in", "voice_minutes", "video_minutes",
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

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"SMS_OUT", "sms", "'sms_out '", "''"})
    void knowsNoOtherServiceKey(String key) {
        assertThat(ServiceKey.ofKey(key)).isEqualTo(Optional.empty());
    }

    @Test
    void ordersRowReasonsAsTheRulesDecideThemThenUserFindings() {
        assertThat(Arrays.stream(Finding.values()).map(Finding::code)).containsExactly(
                "unknown_channel", "unknown_channel_type", "bad_direction", "negative_duration", "bad_segments",
                "future_timestamp", "deactivated_before_created", "unknown_role");
    }
}
