package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value that can be ordered against values of the same dimension: plain numbers, percentages, durations (in
 * seconds, whatever the unit), amounts in any other unit, points in time and times of day.
 */
record Measure(String dimension, BigDecimal amount) {

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z%]*)");
    private static final String DECIMAL = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern ISO_DURATION = Pattern.compile("P(?!$)(?:" + DECIMAL + "Y)?(?:" + DECIMAL + "M)?(?:"
            + DECIMAL + "W)?(?:" + DECIMAL + "D)?(?:T(?=\\d)(?:" + DECIMAL + "H)?(?:" + DECIMAL + "M)?(?:" + DECIMAL + "S)?)?");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");

    private static final BigDecimal MINUTE = BigDecimal.valueOf(60);
    private static final BigDecimal HOUR = BigDecimal.valueOf(3_600);
    private static final BigDecimal DAY = BigDecimal.valueOf(86_400);
    private static final BigDecimal WEEK = BigDecimal.valueOf(604_800);
    /** The mean Gregorian year, so that twelve months make a year. */
    private static final BigDecimal YEAR = BigDecimal.valueOf(31_556_952);
    private static final BigDecimal MONTH = BigDecimal.valueOf(2_629_746);
    private static final BigDecimal[] ISO_DURATION_FACTORS = {YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, BigDecimal.ONE};

    private static final Map<String, BigDecimal> SECONDS_PER_UNIT = Map.ofEntries(
            Map.entry("ms", new BigDecimal("0.001")), Map.entry("millisecond", new BigDecimal("0.001")),
            Map.entry("milliseconds", new BigDecimal("0.001")),
            Map.entry("s", BigDecimal.ONE), Map.entry("sec", BigDecimal.ONE), Map.entry("secs", BigDecimal.ONE),
            Map.entry("second", BigDecimal.ONE), Map.entry("seconds", BigDecimal.ONE),
            Map.entry("m", MINUTE), Map.entry("min", MINUTE), Map.entry("mins", MINUTE),
            Map.entry("minute", MINUTE), Map.entry("minutes", MINUTE),
            Map.entry("h", HOUR), Map.entry("hr", HOUR), Map.entry("hrs", HOUR),
            Map.entry("hour", HOUR), Map.entry("hours", HOUR),
            Map.entry("d", DAY), Map.entry("day", DAY), Map.entry("days", DAY),
            Map.entry("w", WEEK), Map.entry("wk", WEEK), Map.entry("week", WEEK), Map.entry("weeks", WEEK),
            Map.entry("mo", MONTH), Map.entry("month", MONTH), Map.entry("months", MONTH),
            Map.entry("y", YEAR), Map.entry("yr", YEAR), Map.entry("yrs", YEAR),
            Map.entry("year", YEAR), Map.entry("years", YEAR));

    /** The sign of {@code a - b}, or empty when either cannot be read or they measure different things. */
    static OptionalInt compare(JsonNode a, String unitOfA, JsonNode b, String unitOfB) {
        Optional<Measure> x = of(a, unitOfA);
        Optional<Measure> y = of(b, unitOfB);
        if (x.isEmpty() || y.isEmpty() || !x.get().dimension.equals(y.get().dimension)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(x.get().amount.compareTo(y.get().amount));
    }

    /** A unit written into a text value ({@code "4d"}, {@code "99.9%"}) wins over {@code unit}. */
    private static Optional<Measure> of(JsonNode value, String unit) {
        if (value != null && value.isNumber()) {
            return Optional.of(withUnit(value.decimalValue(), unit));
        }
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue().trim();
        Matcher number = NUMBER_WITH_UNIT.matcher(text);
        if (number.matches()) {
            String inline = number.group(2);
            return Optional.of(withUnit(new BigDecimal(number.group(1)), inline.isEmpty() ? unit : inline));
        }
        Matcher duration = ISO_DURATION.matcher(text);
        if (duration.matches()) {
            return Optional.of(new Measure("duration", isoSeconds(duration)));
        }
        return pointInTime(DATE_SPACE_TIME.matcher(text).matches() ? text.replaceFirst(" ", "T") : text);
    }

    private static Measure withUnit(BigDecimal amount, String unit) {
        if (unit == null || unit.isBlank()) {
            return new Measure("number", amount);
        }
        String normalized = unit.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("%") || normalized.equals("percent")) {
            return new Measure("percent", amount);
        }
        BigDecimal seconds = SECONDS_PER_UNIT.get(normalized);
        return seconds == null ? new Measure("unit:" + normalized, amount) : new Measure("duration", amount.multiply(seconds));
    }

    private static BigDecimal isoSeconds(Matcher duration) {
        BigDecimal seconds = BigDecimal.ZERO;
        for (int part = 0; part < ISO_DURATION_FACTORS.length; part++) {
            String amount = duration.group(part + 1);
            if (amount != null) {
                seconds = seconds.add(new BigDecimal(amount).multiply(ISO_DURATION_FACTORS[part]));
            }
        }
        return seconds;
    }

    private static Optional<Measure> pointInTime(String text) {
        return parse(text, "instant", t -> seconds(OffsetDateTime.parse(t).toInstant()))
                .or(() -> parse(text, "date-time", t -> seconds(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC))))
                .or(() -> parse(text, "date", t -> BigDecimal.valueOf(LocalDate.parse(t).toEpochDay())))
                .or(() -> parse(text, "time-with-offset", t -> seconds(OffsetTime.parse(t).atDate(LocalDate.EPOCH).toInstant())))
                .or(() -> parse(text, "time", t -> BigDecimal.valueOf(LocalTime.parse(t).toNanoOfDay())));
    }

    private static Optional<Measure> parse(String text, String dimension, Function<String, BigDecimal> reader) {
        try {
            return Optional.of(new Measure(dimension, reader.apply(text)));
        } catch (DateTimeParseException notThisDimension) {
            return Optional.empty();
        }
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }
}
