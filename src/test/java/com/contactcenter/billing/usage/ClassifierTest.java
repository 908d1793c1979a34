package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.DayFacts.ChannelFact;
import com.contactcenter.billing.usage.DayFacts.FindingFact;
import com.contactcenter.billing.usage.DayFacts.UserFact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
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
    void countsInvalidMessageRowsUnderTheirFirstReasonOnly(
            Integer channelId, String direction, boolean badSegments, boolean future, Finding expectedReason) {
        // when
        messageRows(classifier, DAY, channelId, USER, direction, badSegments, future, 4, 9);

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
    void countsInvalidCallRowsUnderTheirFirstReasonOnly(
            Integer channelId, String direction, int durationSign, boolean future, Finding expectedReason) {
        // when
        callRows(classifier, DAY, channelId, USER, direction, durationSign, future, 3, 11);

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
    void countsInvalidBotSessionRowsUnderTheirFirstReasonOnly(
            Integer channelId, boolean future, Finding expectedReason) {
        // when
        botSessionRows(classifier, DAY, channelId, future, 5);

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
    void billsValidMessageRowsToTheirServiceAndTheirSender(
            int channelId,
            String direction,
            Long userId,
            boolean badSegments,
            long rows,
            long segments,
            ServiceKey expectedKey,
            long expectedCount,
            long expectedUnits,
            long expectedMessagesSent) {
        // when
        messageRows(classifier, DAY, channelId, userId, direction, badSegments, false, rows, segments);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).isEmpty();
        assertThat(facts.rowsRead()).isEqualTo(rows);
        assertThat(facts.channelFacts())
                .isEqualTo(
                        expectedKey == null
                                ? List.of()
                                : List.of(new ChannelFact(DAY, channelId, expectedKey, expectedCount, expectedUnits)));
        assertThat(facts.userFacts())
                .isEqualTo(
                        expectedMessagesSent == 0
                                ? List.of()
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
    void billsValidCallRowsToTheirServiceAndTheirUser(
            int channelId,
            String direction,
            Long userId,
            int durationSign,
            long rows,
            long minutes,
            ServiceKey expectedKey,
            long expectedUserCalls) {
        // when
        callRows(classifier, DAY, channelId, userId, direction, durationSign, false, rows, minutes);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.findingFacts()).isEmpty();
        assertThat(facts.rowsRead()).isEqualTo(rows);
        assertThat(facts.channelFacts())
                .isEqualTo(
                        expectedKey == null
                                ? List.of()
                                : List.of(new ChannelFact(DAY, channelId, expectedKey, rows, minutes)));
        assertThat(facts.userFacts())
                .isEqualTo(
                        expectedUserCalls == 0
                                ? List.of()
                                : List.of(new UserFact(DAY, USER, 0, 0, expectedUserCalls, minutes)));
    }

    @ParameterizedTest(name = "bot sessions on channel {0}")
    @CsvSource({"1", "4", "6", "8"})
    void billsEachBotSessionOnAKnownChannel(int channelId) {
        // when
        botSessionRows(classifier, DAY, channelId, false, 4);

        // then
        DayFacts facts = classifier.days().get(DAY);
        assertThat(facts.channelFacts())
                .containsExactly(new ChannelFact(DAY, channelId, ServiceKey.BOT_SESSIONS, 4, 4));
        assertThat(facts.findingFacts()).isEmpty();
        assertThat(facts.userFacts()).isEmpty();
    }

    @Test
    void countsUserSessionsForTheirUser() {
        // when
        userSessionRows(classifier, DAY, USER, 3);
        userSessionRows(classifier, DAY, USER, 2);

        // then
        assertThat(classifier.days().get(DAY).userFacts()).containsExactly(new UserFact(DAY, USER, 5, 0, 0, 0));
        assertThat(classifier.days().get(DAY).rowsRead()).isEqualTo(5);
    }

    @Test
    void foldsRowsIntoOneFactPerDayChannelServiceReasonAndUser() {
        // given
        LocalDate nextDay = DAY.plusDays(1);

        // when
        messageRows(classifier, DAY, 1, USER, "out", false, false, 2, 2);
        messageRows(classifier, DAY, 1, 8L, "out", false, false, 3, 3);
        messageRows(classifier, DAY, 1, USER, "in", false, false, 4, 4);
        messageRows(classifier, DAY, 2, USER, "out", false, false, 1, 3);
        messageRows(classifier, DAY, 2, USER, "out", true, false, 6, 0);
        callRows(classifier, DAY, 4, USER, "in", 1, false, 2, 7);
        callRows(classifier, DAY, 4, USER, "out", 1, false, 1, 2);
        callRows(classifier, DAY, 4, USER, "in", -1, false, 1, 0);
        callRows(classifier, DAY, 4, USER, "IN", -1, false, 2, 0);
        botSessionRows(classifier, DAY, 1, false, 5);
        botSessionRows(classifier, DAY, 99, false, 1);
        messageRows(classifier, nextDay, 99, USER, "out", false, false, 1, 1);
        userSessionRows(classifier, nextDay, USER, 2);
        classifier.day(nextDay.plusDays(1));

        // then
        assertThat(classifier.days().keySet()).containsExactly(DAY, nextDay, nextDay.plusDays(1));
        DayFacts day = classifier.days().get(DAY);
        assertThat(day.rowsRead()).isEqualTo(28);
        assertThat(day.channelFacts())
                .containsExactly(
                        new ChannelFact(DAY, 1, ServiceKey.WHATSAPP_OUT, 5, 5),
                        new ChannelFact(DAY, 1, ServiceKey.WHATSAPP_IN, 4, 4),
                        new ChannelFact(DAY, 1, ServiceKey.BOT_SESSIONS, 5, 5),
                        new ChannelFact(DAY, 2, ServiceKey.SMS_OUT, 1, 3),
                        new ChannelFact(DAY, 4, ServiceKey.VOICE_MINUTES, 3, 9));
        assertThat(day.findingFacts())
                .containsExactly(
                        new FindingFact(DAY, Finding.UNKNOWN_CHANNEL, 1),
                        new FindingFact(DAY, Finding.BAD_DIRECTION, 2),
                        new FindingFact(DAY, Finding.NEGATIVE_DURATION, 1),
                        new FindingFact(DAY, Finding.BAD_SEGMENTS, 6));
        assertThat(day.userFacts())
                .containsExactly(new UserFact(DAY, USER, 0, 3, 3, 9), new UserFact(DAY, 8L, 0, 3, 0, 0));
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
    void givesTheSameFactsWhateverOrderTheRowsArriveIn() {
        // given: each row on its own, so that the shuffle mixes them all
        List<Consumer<Classifier>> rows = new ArrayList<>();
        rows.addAll(Collections.nCopies(2, c -> messageRows(c, DAY, 1, USER, "out", false, false, 1, 1)));
        LocalDate nextDay = DAY.plusDays(1);
        rows.addAll(Collections.nCopies(3, c -> messageRows(c, nextDay, 1, 8L, "in", false, false, 1, 1)));
        rows.add(c -> messageRows(c, DAY, 2, USER, "out", false, false, 1, 3));
        rows.add(c -> messageRows(c, DAY, 2, USER, "Out", false, false, 1, 3));
        rows.add(c -> callRows(c, DAY, 4, USER, "in", 1, false, 1, 4));
        rows.add(c -> callRows(c, DAY, 4, USER, "in", 1, false, 1, 3));
        rows.add(c -> callRows(c, DAY.plusDays(2), 5, 8L, "out", 1, true, 1, 4));
        rows.add(c -> callRows(c, DAY.plusDays(2), 5, 8L, "out", 1, true, 1, 3));
        rows.addAll(Collections.nCopies(5, c -> botSessionRows(c, DAY, 1, false, 1)));
        rows.addAll(Collections.nCopies(4, c -> userSessionRows(c, DAY, USER, 1)));
        rows.add(c -> userSessionRows(c, DAY, 8L, 1));
        Classifier inOrder = new Classifier(CHANNELS);
        rows.forEach(r -> r.accept(inOrder));

        // when
        Classifier shuffled = new Classifier(CHANNELS);
        Collections.shuffle(rows, new Random(20261015));
        rows.forEach(r -> r.accept(shuffled));

        // then
        assertThat(shuffled.days().keySet())
                .containsExactlyElementsOf(inOrder.days().keySet());
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
        "whatsapp, WHATSAPP",
        "sms, SMS",
        "email, EMAIL",
        "voice, VOICE",
        "video, VIDEO",
        "webchat, WEBCHAT",
        "facebook, FACEBOOK",
        "instagram, INSTAGRAM",
        "WhatsApp, ",
        "SMS, ",
        "'sms ', ",
        "' voice', ",
        "telegram, ",
        "'', ",
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
        assertThat(facts.findingFacts())
                .isEqualTo(expectedReason == null ? List.of() : List.of(new FindingFact(DAY, expectedReason, 1)));
        assertThat(facts.channelFacts())
                .isEqualTo(
                        expectedMinutes == 0
                                ? List.of()
                                : List.of(new ChannelFact(DAY, 4, ServiceKey.VOICE_MINUTES, 1, expectedMinutes)));
        assertThat(facts.userFacts())
                .isEqualTo(
                        expectedMinutes == 0 ? List.of() : List.of(new UserFact(DAY, USER, 0, 0, 1, expectedMinutes)));
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
        assertThat(facts.findingFacts())
                .isEqualTo(expectedReason == null ? List.of() : List.of(new FindingFact(DAY, expectedReason, 1)));
        assertThat(facts.channelFacts())
                .isEqualTo(
                        expectedReason != null
                                ? List.of()
                                : List.of(new ChannelFact(DAY, 2, ServiceKey.SMS_OUT, 1, expectedUnits)));
    }

    /**
     * Random rows over every channel (unknown ones included), direction, NULL column, duration and
     * segment edge fold into exactly the facts the rules' text gives, worked out row by row from
     * billing-rules.md without the classifier's lookup tables.
     */
    @Test
    void foldsRandomRowsAsTheRulesSay() {
        // given
        Random random = new Random(20261129);
        Integer[] channels = {1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23, 24, 99, null};
        String[] directions = {"in", "out", "IN", "Out", "in ", "", null, "x"};
        long[] durations = {-61, -1, 0, 1, 59, 60, 61, 119, 120, 121, 3599};
        int[] segments = {-1, 0, 1, 2, 3, 7};
        RulesByHand expected = new RulesByHand();

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
                    classifier.messageRow(
                            day,
                            future,
                            channel != null,
                            channel == null ? 0 : channel,
                            user != null,
                            user == null ? 0 : user,
                            direction,
                            segment);
                    expected.message(day, future, channel, user, direction, segment);
                }
                case 1 -> {
                    long seconds = durations[random.nextInt(durations.length)];
                    classifier.callRow(
                            day,
                            future,
                            channel != null,
                            channel == null ? 0 : channel,
                            user != null,
                            user == null ? 0 : user,
                            direction,
                            seconds);
                    expected.call(day, future, channel, user, direction, seconds);
                }
                case 2 -> {
                    classifier.botSessionRow(day, future, channel != null, channel == null ? 0 : channel);
                    expected.botSession(day, future, channel);
                }
                default -> {
                    long sessionUser = user == null ? 0 : user;
                    classifier.userSessionRow(day, sessionUser);
                    expected.userSession(day, sessionUser);
                }
            }
        }

        // then
        assertThat(classifier.days().keySet()).containsExactlyElementsOf(expected.rowsRead.keySet());
        expected.rowsRead.forEach((day, rows) -> {
            DayFacts actual = classifier.days().get(day);
            assertThat(actual.rowsRead()).isEqualTo(rows);
            assertThat(actual.channelFacts()).isEqualTo(expected.channelFacts(day));
            assertThat(actual.findingFacts()).isEqualTo(expected.findingFacts(day));
            assertThat(actual.userFacts()).isEqualTo(expected.userFacts(day));
        });
        assertThat(classifier.days().values().stream()
                        .mapToLong(DayFacts::rowsRead)
                        .sum())
                .isEqualTo(20_000);
    }

    /** {@code rows} message rows; their segments add up to {@code segments}, or are 0 each when {@code belowOne}. */
    private static void messageRows(
            Classifier classifier,
            LocalDate day,
            Integer channelId,
            Long userId,
            String direction,
            boolean belowOne,
            boolean future,
            long rows,
            long segments) {
        if (!belowOne && segments < rows) {
            throw new IllegalArgumentException("each row has at least one segment");
        }
        for (long i = 0; i < rows; i++) {
            int rowSegments = belowOne ? 0 : (int) (segments / rows + (i < segments % rows ? 1 : 0));
            classifier.messageRow(
                    day,
                    future,
                    channelId != null,
                    channelId == null ? 0 : channelId,
                    userId != null,
                    userId == null ? 0 : userId,
                    direction,
                    rowSegments);
        }
    }

    /**
     * {@code rows} call rows whose duration has the given sign; answered ones are billed
     * {@code minutes} in all, each half a minute short of its last whole minute.
     */
    private static void callRows(
            Classifier classifier,
            LocalDate day,
            Integer channelId,
            Long userId,
            String direction,
            int durationSign,
            boolean future,
            long rows,
            long minutes) {
        if (durationSign > 0 && minutes < rows) {
            throw new IllegalArgumentException("each answered call is billed at least a minute");
        }
        for (long i = 0; i < rows; i++) {
            long rowMinutes = minutes / rows + (i < minutes % rows ? 1 : 0);
            long seconds = durationSign < 0 ? -1 : durationSign == 0 ? 0 : rowMinutes * 60 - 30;
            classifier.callRow(
                    day,
                    future,
                    channelId != null,
                    channelId == null ? 0 : channelId,
                    userId != null,
                    userId == null ? 0 : userId,
                    direction,
                    seconds);
        }
    }

    private static void botSessionRows(
            Classifier classifier, LocalDate day, Integer channelId, boolean future, long rows) {
        for (long i = 0; i < rows; i++) {
            classifier.botSessionRow(day, future, channelId != null, channelId == null ? 0 : channelId);
        }
    }

    private static void userSessionRows(Classifier classifier, LocalDate day, long userId, long rows) {
        for (long i = 0; i < rows; i++) {
            classifier.userSessionRow(day, userId);
        }
    }

    /** billing-rules.md applied to one row at a time, in the words of its tables. */
    private static final class RulesByHand {

        private static final Set<String> KNOWN_TYPES =
                Set.of("whatsapp", "sms", "email", "voice", "video", "webchat", "facebook", "instagram");
        /** Messages by channel type and direction; answered calls by channel type; any bot session. */
        private static final Map<String, ServiceKey> MESSAGE_SERVICES = Map.of(
                "sms out",
                ServiceKey.SMS_OUT,
                "email out",
                ServiceKey.EMAIL_OUT,
                "whatsapp out",
                ServiceKey.WHATSAPP_OUT,
                "whatsapp in",
                ServiceKey.WHATSAPP_IN);

        private static final Map<String, ServiceKey> CALL_SERVICES =
                Map.of("voice", ServiceKey.VOICE_MINUTES, "video", ServiceKey.VIDEO_MINUTES);

        final Map<LocalDate, Long> rowsRead = new TreeMap<>();
        private final Map<LocalDate, Map<Integer, Map<ServiceKey, ChannelFact>>> services = new HashMap<>();
        private final Map<LocalDate, Map<Finding, Long>> findings = new HashMap<>();
        private final Map<LocalDate, Map<Long, UserFact>> users = new HashMap<>();

        void message(LocalDate day, boolean future, Integer channel, Long user, String direction, int segments) {
            String type = typeOf(channel);
            boolean badDirection = !"in".equals(direction) && !"out".equals(direction);
            if (valid(day, channel, badDirection, false, "sms".equals(type) && segments < 1, future)) {
                ServiceKey key = MESSAGE_SERVICES.get(type + " " + direction);
                if (key != null) {
                    service(day, channel, key, "sms".equals(type) ? segments : 1);
                }
                if ("out".equals(direction) && user != null) {
                    user(day, user, 0, 1, 0, 0);
                }
            }
        }

        void call(LocalDate day, boolean future, Integer channel, Long user, String direction, long seconds) {
            boolean badDirection = !"in".equals(direction) && !"out".equals(direction);
            ServiceKey key = CALL_SERVICES.get(String.valueOf(typeOf(channel)));
            if (valid(day, channel, badDirection, seconds < 0, false, future) && key != null && seconds > 0) {
                long minutes = (seconds + 59) / 60;
                service(day, channel, key, minutes);
                if (user != null) {
                    user(day, user, 0, 0, 1, minutes);
                }
            }
        }

        void botSession(LocalDate day, boolean future, Integer channel) {
            if (valid(day, channel, false, false, false, future)) {
                service(day, channel, ServiceKey.BOT_SESSIONS, 1);
            }
        }

        void userSession(LocalDate day, long user) {
            rowsRead.merge(day, 1L, Long::sum);
            user(day, user, 1, 0, 0, 0);
        }

        List<ChannelFact> channelFacts(LocalDate day) {
            List<ChannelFact> facts = new ArrayList<>();
            services.getOrDefault(day, Map.of()).values().forEach(byKey -> facts.addAll(byKey.values()));
            return facts;
        }

        List<FindingFact> findingFacts(LocalDate day) {
            List<FindingFact> facts = new ArrayList<>();
            findings.getOrDefault(day, Map.of())
                    .forEach((reason, count) -> facts.add(new FindingFact(day, reason, count)));
            return facts;
        }

        List<UserFact> userFacts(LocalDate day) {
            return new ArrayList<>(users.getOrDefault(day, Map.of()).values());
        }

        private static String typeOf(Integer channel) {
            return channel == null || !CHANNELS.containsKey(channel)
                    ? null
                    : CHANNELS.get(channel).type();
        }

        /** Counts the row read, and under its first reason when it has one. */
        private boolean valid(
                LocalDate day,
                Integer channel,
                boolean badDirection,
                boolean negativeDuration,
                boolean smsSegmentsBelowOne,
                boolean future) {
            rowsRead.merge(day, 1L, Long::sum);
            Finding reason = channel == null || !CHANNELS.containsKey(channel)
                    ? Finding.UNKNOWN_CHANNEL
                    : !KNOWN_TYPES.contains(String.valueOf(typeOf(channel)))
                            ? Finding.UNKNOWN_CHANNEL_TYPE
                            : badDirection
                                    ? Finding.BAD_DIRECTION
                                    : negativeDuration
                                            ? Finding.NEGATIVE_DURATION
                                            : smsSegmentsBelowOne
                                                    ? Finding.BAD_SEGMENTS
                                                    : future ? Finding.FUTURE_TIMESTAMP : null;
            if (reason != null) {
                findings.computeIfAbsent(day, d -> new EnumMap<>(Finding.class)).merge(reason, 1L, Long::sum);
            }
            return reason == null;
        }

        private void service(LocalDate day, int channel, ServiceKey key, long units) {
            services.computeIfAbsent(day, d -> new TreeMap<>())
                    .computeIfAbsent(channel, c -> new EnumMap<>(ServiceKey.class))
                    .merge(
                            key,
                            new ChannelFact(day, channel, key, 1, units),
                            (a, b) -> new ChannelFact(day, channel, key, a.count() + 1, a.units() + b.units()));
        }

        private void user(LocalDate day, long user, long sessions, long messagesSent, long calls, long minutes) {
            users.computeIfAbsent(day, d -> new TreeMap<>())
                    .merge(
                            user,
                            new UserFact(day, user, sessions, messagesSent, calls, minutes),
                            (a, b) -> new UserFact(
                                    day,
                                    user,
                                    a.sessions() + b.sessions(),
                                    a.messagesSent() + b.messagesSent(),
                                    a.calls() + b.calls(),
                                    a.callMinutes() + b.callMinutes()));
        }
    }
}
