package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.DayFacts.ChannelFact;
import com.contactcenter.billing.usage.DayFacts.FindingFact;
import com.contactcenter.billing.usage.DayFacts.UserFact;
import com.contactcenter.billing.usage.SourceGroups.BotSessionGroup;
import com.contactcenter.billing.usage.SourceGroups.CallGroup;
import com.contactcenter.billing.usage.SourceGroups.MessageGroup;
import com.contactcenter.billing.usage.SourceGroups.UserSessionGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 15);
    private static final long USER = 7L;

    /** The eight known types, and stored types that are not one of them. */
    private static final Map<Integer, Channel> CHANNELS = Stream.of(
            new Channel(1, "whatsapp", "WhatsApp Ventas", "+570001"),
            new Channel(2, "sms", "SMS", "+570002"),
            new Channel(3, "email", "Correo", "ventas@example.com"),
            new Channel(4, "voice", "Voz", "+570004"),
            new Channel(5, "video", "Video", "video"),
            new Channel(6, "webchat", "Chat web", "web"),
            new Channel(7, "facebook", "Facebook", "fb"),
            new Channel(8, "instagram", "Instagram", "ig"),
            new Channel(20, "WhatsApp", "WhatsApp mal escrito", "+570020"),
            new Channel(21, "SMS", "SMS en mayúsculas", "+570021"),
            new Channel(22, "voice ", "Voz con espacio", "+570022"),
            new Channel(23, "telegram", "Telegram", "tg"),
            new Channel(24, null, "Sin tipo", "?"))
            .collect(Collectors.toMap(Channel::id, c -> c));

    private final Classifier classifier = new Classifier(CHANNELS);

    @ParameterizedTest(name = "message on {0}, direction ''{1}'', segments<1 {2}, future {3} -> {4}")
    @CsvSource({
            // channel, direction, badSegments, future, reason
            "99,   IN,     true,  true,  UNKNOWN_CHANNEL",
            ",     out,    false, false, UNKNOWN_CHANNEL",
            "20,   out,    false, false, UNKNOWN_CHANNEL_TYPE",
            // unknown type AND bad direction: the type wins
            "20,   IN,     false, false, UNKNOWN_CHANNEL_TYPE",
            "21,   out,    true,  true,  UNKNOWN_CHANNEL_TYPE",
            "23,   in,     false, false, UNKNOWN_CHANNEL_TYPE",
            "24,   in,     false, false, UNKNOWN_CHANNEL_TYPE",
            "1,    IN,     false, false, BAD_DIRECTION",
            "1,    Out,    false, false, BAD_DIRECTION",
            "1,    'in ',  false, false, BAD_DIRECTION",
            "1,    ' out', false, false, BAD_DIRECTION",
            "1,    '',     false, false, BAD_DIRECTION",
            "1,    ,       false, false, BAD_DIRECTION",
            "1,    inbound, false, false, BAD_DIRECTION",
            // bad direction AND bad segments AND future: the direction wins
            "2,    OUT,    true,  true,  BAD_DIRECTION",
            // bad segments AND future: the segments win
            "2,    out,    true,  true,  BAD_SEGMENTS",
            "2,    in,     true,  false, BAD_SEGMENTS",
            "2,    out,    false, true,  FUTURE_TIMESTAMP",
            "1,    out,    false, true,  FUTURE_TIMESTAMP",
            "1,    out,    true,  true,  FUTURE_TIMESTAMP",
            "6,    in,     false, true,  FUTURE_TIMESTAMP",
    })
    void countsAnInvalidMessageGroupUnderItsFirstReasonOnly(Integer channelId, String direction, boolean badSegments,
            boolean future, Finding expectedReason) {
        // given
        MessageGroup group = new MessageGroup(DAY, channelId, USER, direction, badSegments, future, 4, 9);

        // when
        classifier.message(group);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).containsExactly(new FindingFact(DAY, expectedReason, 4));
        assertThat(facts.channelFacts()).isEmpty();
        assertThat(facts.userFacts()).isEmpty();
        assertThat(facts.rowsRead()).isEqualTo(4);
    }

    @ParameterizedTest(name = "call on {0}, direction ''{1}'', duration sign {2}, future {3} -> {4}")
    @CsvSource({
            // channel, direction, durationSign, future, reason
            "99, in,   -1, true,  UNKNOWN_CHANNEL",
            ",   in,    1, false, UNKNOWN_CHANNEL",
            // unknown type AND bad direction: the type wins
            "22, IN,   -1, true,  UNKNOWN_CHANNEL_TYPE",
            "20, in,    1, false, UNKNOWN_CHANNEL_TYPE",
            // bad direction AND negative duration: the direction wins
            "4,  IN,   -1, true,  BAD_DIRECTION",
            "4,  Out,   1, false, BAD_DIRECTION",
            "5,  'in ', 1, false, BAD_DIRECTION",
            "4,  ,      0, false, BAD_DIRECTION",
            "6,  x,     1, false, BAD_DIRECTION",
            // negative duration AND future: the duration wins
            "4,  out,  -1, true,  NEGATIVE_DURATION",
            "5,  in,   -1, false, NEGATIVE_DURATION",
            "1,  in,   -1, false, NEGATIVE_DURATION",
            "4,  in,    0, true,  FUTURE_TIMESTAMP",
            "4,  out,   1, true,  FUTURE_TIMESTAMP",
            "5,  in,    1, true,  FUTURE_TIMESTAMP",
    })
    void countsAnInvalidCallGroupUnderItsFirstReasonOnly(Integer channelId, String direction, int durationSign,
            boolean future, Finding expectedReason) {
        // given
        CallGroup group = new CallGroup(DAY, channelId, USER, direction, durationSign, future, 3, 11);

        // when
        classifier.call(group);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).containsExactly(new FindingFact(DAY, expectedReason, 3));
        assertThat(facts.channelFacts()).isEmpty();
        assertThat(facts.userFacts()).isEmpty();
        assertThat(facts.rowsRead()).isEqualTo(3);
    }

    @ParameterizedTest(name = "bot session on {0}, future {1} -> {2}")
    @CsvSource({
            ",   true,  UNKNOWN_CHANNEL",
            "99, false, UNKNOWN_CHANNEL",
            "23, true,  UNKNOWN_CHANNEL_TYPE",
            "20, false, UNKNOWN_CHANNEL_TYPE",
            "1,  true,  FUTURE_TIMESTAMP",
    })
    void countsAnInvalidBotSessionGroupUnderItsFirstReasonOnly(Integer channelId, boolean future,
            Finding expectedReason) {
        // when
        classifier.botSession(new BotSessionGroup(DAY, channelId, future, 5));

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).containsExactly(new FindingFact(DAY, expectedReason, 5));
        assertThat(facts.channelFacts()).isEmpty();
        assertThat(facts.rowsRead()).isEqualTo(5);
    }

    @ParameterizedTest(name = "message on {0} ''{1}'' user {2} segments<1 {3}: {4} rows, {5} segments -> {6}")
    @CsvSource({
            // channel, direction, user, badSegments, rows, segments, service, count, units, messagesSent
            "2, out, 7,  false, 3, 5, SMS_OUT,      3, 5, 3",
            "2, in,  7,  false, 3, 5, ,             0, 0, 0",
            // segments < 1 is only bad on an SMS channel
            "3, out, 7,  true,  4, 0, EMAIL_OUT,    4, 4, 4",
            "3, out, 7,  false, 4, 9, EMAIL_OUT,    4, 4, 4",
            "3, in,  7,  false, 4, 4, ,             0, 0, 0",
            "1, out, 7,  true,  6, 0, WHATSAPP_OUT, 6, 6, 6",
            "1, in,  7,  false, 2, 2, WHATSAPP_IN,  2, 2, 0",
            // webchat, facebook, instagram (and voice, video) messages bill nothing but count as sent
            "6, out, 7,  false, 5, 5, ,             0, 0, 5",
            "7, out, 7,  false, 2, 2, ,             0, 0, 2",
            "8, out, 7,  true,  1, 0, ,             0, 0, 1",
            "4, out, 7,  false, 3, 3, ,             0, 0, 3",
            "6, in,  7,  false, 5, 5, ,             0, 0, 0",
            // a NULL user counts in the service and nowhere else
            "1, out, ,   false, 3, 3, WHATSAPP_OUT, 3, 3, 0",
            "2, out, ,   false, 2, 7, SMS_OUT,      2, 7, 0",
    })
    void billsAValidMessageGroupToItsServiceAndItsSender(int channelId, String direction, Long userId,
            boolean badSegments, long rows, long segments, ServiceKey expectedKey, long expectedCount,
            long expectedUnits, long expectedMessagesSent) {
        // given
        MessageGroup group = new MessageGroup(DAY, channelId, userId, direction, badSegments, false, rows, segments);

        // when
        classifier.message(group);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).isEmpty();
        assertThat(facts.rowsRead()).isEqualTo(rows);
        assertThat(facts.channelFacts()).isEqualTo(expectedKey == null ? List.of()
                : List.of(new ChannelFact(DAY, channelId, expectedKey, expectedCount, expectedUnits)));
        assertThat(facts.userFacts()).isEqualTo(expectedMessagesSent == 0 ? List.of()
                : List.of(new UserFact(DAY, USER, 0, expectedMessagesSent, 0, 0)));
    }

    @ParameterizedTest(name = "call on {0} ''{1}'' user {2} sign {3}: {4} rows, {5} min -> {6}")
    @CsvSource({
            // channel, direction, user, durationSign, rows, minutes, service, calls of the user
            "4, in,  7, 1, 2, 5, VOICE_MINUTES, 2",
            "4, out, 7, 1, 3, 8, VOICE_MINUTES, 3",
            "5, out, 7, 1, 1, 3, VIDEO_MINUTES, 1",
            "5, in,  7, 1, 4, 4, VIDEO_MINUTES, 4",
            // an unanswered call is valid and counts nowhere
            "4, in,  7, 0, 4, 0, ,              0",
            "5, out, 7, 0, 2, 0, ,              0",
            // a call on a channel that is not voice or video counts for no service and no user
            "1, in,  7, 1, 2, 4, ,              0",
            "6, out, 7, 1, 1, 2, ,              0",
            "2, out, 7, 1, 1, 2, ,              0",
            // a NULL user counts in the service and nowhere else
            "4, in,  ,  1, 2, 5, VOICE_MINUTES, 0",
    })
    void billsAValidCallGroupToItsServiceAndItsUser(int channelId, String direction, Long userId, int durationSign,
            long rows, long minutes, ServiceKey expectedKey, long expectedUserCalls) {
        // given
        CallGroup group = new CallGroup(DAY, channelId, userId, direction, durationSign, false, rows, minutes);

        // when
        classifier.call(group);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).isEmpty();
        assertThat(facts.rowsRead()).isEqualTo(rows);
        assertThat(facts.channelFacts()).isEqualTo(expectedKey == null ? List.of()
                : List.of(new ChannelFact(DAY, channelId, expectedKey, rows, minutes)));
        assertThat(facts.userFacts()).isEqualTo(expectedUserCalls == 0 ? List.of()
                : List.of(new UserFact(DAY, USER, 0, 0, expectedUserCalls, minutes)));
    }

    @ParameterizedTest(name = "bot sessions on channel {0}")
    @CsvSource({"1", "4", "6", "8"})
    void billsEachBotSessionOnAKnownChannel(int channelId) {
        // when
        classifier.botSession(new BotSessionGroup(DAY, channelId, false, 4));

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.channelFacts()).containsExactly(new ChannelFact(DAY, channelId, ServiceKey.BOT_SESSIONS, 4, 4));
        assertThat(facts.findingFacts()).isEmpty();
        assertThat(facts.userFacts()).isEmpty();
    }

    @Test
    void countsUserSessionsForTheirUser() {
        // when
        classifier.userSession(new UserSessionGroup(DAY, USER, 3));
        classifier.userSession(new UserSessionGroup(DAY, USER, 2));

        // then
        assertThat(classifier.days().get(DAY).userFacts()).containsExactly(new UserFact(DAY, USER, 5, 0, 0, 0));
        assertThat(classifier.days().get(DAY).rowsRead()).isEqualTo(5);
    }

    @Test
    void foldsGroupsIntoOneFactPerDayChannelServiceReasonAndUser() {
        // given
        LocalDate nextDay = DAY.plusDays(1);

        // when
        classifier.message(new MessageGroup(DAY, 1, USER, "out", false, false, 2, 2));
        classifier.message(new MessageGroup(DAY, 1, 8L, "out", false, false, 3, 3));
        classifier.message(new MessageGroup(DAY, 1, USER, "in", false, false, 4, 4));
        classifier.message(new MessageGroup(DAY, 2, USER, "out", false, false, 1, 3));
        classifier.message(new MessageGroup(DAY, 2, USER, "out", true, false, 6, 0));
        classifier.call(new CallGroup(DAY, 4, USER, "in", 1, false, 2, 7));
        classifier.call(new CallGroup(DAY, 4, USER, "out", 1, false, 1, 2));
        classifier.call(new CallGroup(DAY, 4, USER, "in", -1, false, 1, 0));
        classifier.call(new CallGroup(DAY, 4, USER, "IN", -1, false, 2, 0));
        classifier.botSession(new BotSessionGroup(DAY, 1, false, 5));
        classifier.botSession(new BotSessionGroup(DAY, 99, false, 1));
        classifier.message(new MessageGroup(nextDay, 99, USER, "out", false, false, 1, 1));
        classifier.userSession(new UserSessionGroup(nextDay, USER, 2));
        classifier.day(nextDay.plusDays(1));

        // then
        assertThat(classifier.days().keySet()).containsExactly(DAY, nextDay, nextDay.plusDays(1));
        DayFacts day = classifier.days().get(DAY);
        assertThat(day.rowsRead()).isEqualTo(28);
        assertThat(day.channelFacts()).containsExactly(
                new ChannelFact(DAY, 1, ServiceKey.WHATSAPP_OUT, 5, 5),
                new ChannelFact(DAY, 1, ServiceKey.WHATSAPP_IN, 4, 4),
                new ChannelFact(DAY, 1, ServiceKey.BOT_SESSIONS, 5, 5),
                new ChannelFact(DAY, 2, ServiceKey.SMS_OUT, 1, 3),
                new ChannelFact(DAY, 4, ServiceKey.VOICE_MINUTES, 3, 9));
        assertThat(day.findingFacts()).containsExactly(
                new FindingFact(DAY, Finding.UNKNOWN_CHANNEL, 1),
                new FindingFact(DAY, Finding.BAD_DIRECTION, 2),
                new FindingFact(DAY, Finding.NEGATIVE_DURATION, 1),
                new FindingFact(DAY, Finding.BAD_SEGMENTS, 6));
        assertThat(day.userFacts()).containsExactly(
                new UserFact(DAY, USER, 0, 3, 3, 9),
                new UserFact(DAY, 8L, 0, 3, 0, 0));
        DayFacts next = classifier.days().get(nextDay);
        assertThat(next.findingFacts()).containsExactly(new FindingFact(nextDay, Finding.UNKNOWN_CHANNEL, 1));
        assertThat(next.userFacts()).containsExactly(new UserFact(nextDay, USER, 2, 0, 0, 0));
        assertThat(next.rowsRead()).isEqualTo(3);
        DayFacts empty = classifier.days().get(nextDay.plusDays(1));
        assertThat(empty.rowsRead()).isZero();
        assertThat(empty.channelFacts()).isEmpty();
        assertThat(empty.findingFacts()).isEmpty();
        assertThat(empty.userFacts()).isEmpty();
    }

    @Test
    void givesTheSameFactsWhateverOrderTheGroupsArriveIn() {
        // given
        List<Consumer<Classifier>> groups = new ArrayList<>(List.of(
                c -> c.message(new MessageGroup(DAY, 1, USER, "out", false, false, 2, 2)),
                c -> c.message(new MessageGroup(DAY.plusDays(1), 1, 8L, "in", false, false, 3, 3)),
                c -> c.message(new MessageGroup(DAY, 2, USER, "out", false, false, 1, 3)),
                c -> c.message(new MessageGroup(DAY, 2, USER, "Out", false, false, 1, 3)),
                c -> c.call(new CallGroup(DAY, 4, USER, "in", 1, false, 2, 7)),
                c -> c.call(new CallGroup(DAY.plusDays(2), 5, 8L, "out", 1, true, 2, 7)),
                c -> c.botSession(new BotSessionGroup(DAY, 1, false, 5)),
                c -> c.userSession(new UserSessionGroup(DAY, USER, 4)),
                c -> c.userSession(new UserSessionGroup(DAY, 8L, 1))));
        Classifier inOrder = new Classifier(CHANNELS);
        groups.forEach(g -> g.accept(inOrder));

        // when
        Classifier shuffled = new Classifier(CHANNELS);
        Collections.shuffle(groups, new Random(20261015));
        groups.forEach(g -> g.accept(shuffled));

        // then
        assertThat(shuffled.days().keySet()).containsExactlyElementsOf(inOrder.days().keySet());
        inOrder.days().forEach((day, facts) -> {
            DayFacts other = shuffled.days().get(day);
            assertThat(other.channelFacts()).isEqualTo(facts.channelFacts());
            assertThat(other.findingFacts()).isEqualTo(facts.findingFacts());
            assertThat(other.userFacts()).isEqualTo(facts.userFacts());
            assertThat(other.rowsRead()).isEqualTo(facts.rowsRead());
        });
        assertThat(inOrder.days().get(DAY).userFacts())
                .containsExactly(new UserFact(DAY, USER, 4, 3, 2, 7), new UserFact(DAY, 8L, 1, 0, 0, 0));
    }

    @ParameterizedTest(name = "type ''{0}'' -> {1}")
    @CsvSource({
            "whatsapp, WHATSAPP", "sms, SMS", "email, EMAIL", "voice, VOICE", "video, VIDEO",
            "webchat, WEBCHAT", "facebook, FACEBOOK", "instagram, INSTAGRAM",
            "WhatsApp, ", "SMS, ", "'sms ', ", "' voice', ", "telegram, ", "'', ",
    })
    void comparesChannelTypesExactly(String stored, ChannelType expected) {
        assertThat(ChannelType.of(stored)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "direction ''{0}'' -> {1}")
    @CsvSource({"in, IN", "out, OUT", "IN, ", "Out, ", "OUT, ", "'in ', ", "' out', ", "'', ", ", "})
    void comparesDirectionsExactly(String stored, Direction expected) {
        assertThat(Direction.parse(stored)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "call row of {0} s -> {1} min, finding {2}")
    @CsvSource({
            "1,    1, ",
            "59,   1, ",
            "60,   1, ",
            "61,   2, ",
            "3600, 60, ",
            "3601, 61, ",
            "0,    0, ",
            "-1,   0, NEGATIVE_DURATION",
            "-9223372036854775808, 0, NEGATIVE_DURATION",
            "9223372036854775807, 153722867280912931, ",
    })
    void roundsEachCallRowUpToWholeMinutes(long durationSeconds, long expectedMinutes, Finding expectedReason) {
        // when
        classifier.callRow(DAY, false, true, 4, true, USER, "in", durationSeconds);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.rowsRead()).isEqualTo(1);
        assertThat(facts.findingFacts()).isEqualTo(expectedReason == null ? List.of()
                : List.of(new FindingFact(DAY, expectedReason, 1)));
        assertThat(facts.channelFacts()).isEqualTo(expectedMinutes == 0 ? List.of()
                : List.of(new ChannelFact(DAY, 4, ServiceKey.VOICE_MINUTES, 1, expectedMinutes)));
        assertThat(facts.userFacts()).isEqualTo(expectedMinutes == 0 ? List.of()
                : List.of(new UserFact(DAY, USER, 0, 0, 1, expectedMinutes)));
    }

    @ParameterizedTest(name = "sms row of {0} segments -> units {1}, finding {2}")
    @CsvSource({
            "1,  1, ",
            "3,  3, ",
            "0,  0, BAD_SEGMENTS",
            "-2, 0, BAD_SEGMENTS",
            "-2147483648, 0, BAD_SEGMENTS",
            "2147483647, 2147483647, ",
    })
    void billsAnSmsRowBySegmentsAndCountsOneBelowOneAsBad(int segments, long expectedUnits, Finding expectedReason) {
        // when
        classifier.messageRow(DAY, false, true, 2, true, USER, "out", segments);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).isEqualTo(expectedReason == null ? List.of()
                : List.of(new FindingFact(DAY, expectedReason, 1)));
        assertThat(facts.channelFacts()).isEqualTo(expectedReason != null ? List.of()
                : List.of(new ChannelFact(DAY, 2, ServiceKey.SMS_OUT, 1, expectedUnits)));
    }

    /**
     * The row methods a sync calls and the group methods give the same facts: random rows over
     * every channel (unknown ones included), direction, NULL column, duration and segment edge,
     * folded one by one as rows and as groups of one.
     */
    @Test
    void foldsRowsExactlyAsGroupsOfOne() {
        // given
        Random random = new Random(20261129);
        Integer[] channels = {1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23, 24, 99, null};
        String[] directions = {"in", "out", "IN", "Out", "in ", "", null, "x"};
        long[] durations = {-61, -1, 0, 1, 59, 60, 61, 119, 120, 121, 3599};
        int[] segments = {-1, 0, 1, 2, 3, 7};
        Classifier byRow = new Classifier(CHANNELS);
        Classifier byGroup = new Classifier(CHANNELS);

        // when
        for (int i = 0; i < 20_000; i++) {
            LocalDate day = DAY.plusDays(random.nextInt(3));
            boolean future = random.nextInt(10) == 0;
            Integer channel = channels[random.nextInt(channels.length)];
            Long user = random.nextInt(8) == 0 ? null : (long) random.nextInt(40) - 5;
            String direction = directions[random.nextInt(directions.length)];
            switch (random.nextInt(4)) {
                case 0 -> {
                    int segment = segments[random.nextInt(segments.length)];
                    byRow.messageRow(day, future, channel != null, channel == null ? 0 : channel, user != null,
                            user == null ? 0 : user, direction, segment);
                    byGroup.message(new MessageGroup(day, channel, user, direction, segment < 1, future, 1, segment));
                }
                case 1 -> {
                    long seconds = durations[random.nextInt(durations.length)];
                    byRow.callRow(day, future, channel != null, channel == null ? 0 : channel, user != null,
                            user == null ? 0 : user, direction, seconds);
                    byGroup.call(new CallGroup(day, channel, user, direction, Long.signum(seconds), future, 1,
                            seconds > 0 ? (seconds + 59) / 60 : 0));
                }
                case 2 -> {
                    byRow.botSessionRow(day, future, channel != null, channel == null ? 0 : channel);
                    byGroup.botSession(new BotSessionGroup(day, channel, future, 1));
                }
                default -> {
                    long sessionUser = user == null ? 0 : user;
                    byRow.userSessionRow(day, sessionUser);
                    byGroup.userSession(new UserSessionGroup(day, sessionUser, 1));
                }
            }
        }

        // then
        assertThat(byRow.days().keySet()).containsExactlyElementsOf(byGroup.days().keySet());
        byGroup.days().forEach((day, expected) -> {
            DayFacts actual = byRow.days().get(day);
            assertThat(actual.rowsRead()).isEqualTo(expected.rowsRead());
            assertThat(actual.channelFacts()).isEqualTo(expected.channelFacts());
            assertThat(actual.findingFacts()).isEqualTo(expected.findingFacts());
            assertThat(actual.userFacts()).isEqualTo(expected.userFacts());
        });
        assertThat(byRow.days().values().stream().mapToLong(DayFacts::rowsRead).sum()).isEqualTo(20_000);
    }
}
