package com.contactcenter.billing.cli;

import com.contactcenter.billing.forecast.Backtest;
import com.contactcenter.billing.forecast.Backtest.CutOff;
import com.contactcenter.billing.forecast.Backtest.Errors;
import com.contactcenter.billing.forecast.ForecastBacktest;
import com.contactcenter.billing.usage.ServiceKey;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code forecast-backtest}: the replay's errors, a pair of lines per cut-off day, then their means. */
@Component
class ForecastBacktestCommand {

    private final ForecastBacktest backtests;

    ForecastBacktestCommand(ForecastBacktest backtests) {
        this.backtests = backtests;
    }

    int print(CommandRequest.ForecastBacktest request, PrintStream out) {
        Backtest backtest = backtests.run(request.source(), request.months());
        out.printf(
                "forecast backtest of %s (%s): %d months%s, as of the end of days %s%n",
                backtest.source(),
                backtest.zone(),
                backtest.months().size(),
                backtest.months().isEmpty()
                        ? ""
                        : " (" + backtest.months().get(0) + " to "
                                + backtest.months().get(backtest.months().size() - 1) + ")",
                ForecastBacktest.CUT_OFF_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        if (!backtest.incomplete().isEmpty()) {
            out.println("  left out, some days never synced: "
                    + backtest.incomplete().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        out.println("mean absolute percentage error, %, of the month's total and of each service's units;"
                + " inside: months whose total fell inside the 80 % interval");
        StringBuilder header = new StringBuilder(String.format("%-5s %-9s %7s", "day", "method", "total"));
        for (ServiceKey key : ServiceKey.values()) {
            header.append(String.format(" %" + width(key) + "s", key.key()));
        }
        out.println(header.append("  inside"));
        for (CutOff c : backtest.cutOffs()) {
            out.println(row(String.valueOf(c.day()), "forecast", c.forecast())
                    + String.format(
                            "  %d/%d (%s %%)%s",
                            c.inside(),
                            c.months(),
                            oneDecimal(100 * c.insideShare()),
                            c.shortHistory() == 0 ? "" : ", " + c.shortHistory() + " with a short history"));
            out.println(row("", "straight", c.straightLine()));
        }
        List<CutOff> cutOffs = backtest.cutOffs();
        out.println(row("mean", "forecast", mean(cutOffs, CutOff::forecast))
                + String.format(
                        "  %s %%",
                        oneDecimal(100
                                * cutOffs.stream()
                                        .mapToDouble(CutOff::insideShare)
                                        .average()
                                        .orElse(0))));
        out.println(row("", "straight", mean(cutOffs, CutOff::straightLine)));
        return 0;
    }

    /** Each error's mean over the cut-off days that have it. */
    private static Errors mean(List<CutOff> cutOffs, Function<CutOff, Errors> errors) {
        Map<ServiceKey, Double> units = new EnumMap<>(ServiceKey.class);
        for (ServiceKey key : ServiceKey.values()) {
            cutOffs.stream()
                    .map(errors)
                    .filter(e -> e.units().containsKey(key))
                    .mapToDouble(e -> e.units().get(key))
                    .average()
                    .ifPresent(mean -> units.put(key, mean));
        }
        Double total =
                cutOffs.stream()
                        .map(errors)
                        .filter(e -> e.total() != null)
                        .mapToDouble(Errors::total)
                        .average()
                        .stream()
                        .boxed()
                        .findFirst()
                        .orElse(null);
        return new Errors(total, units);
    }

    private static String row(String day, String method, Errors errors) {
        StringBuilder row = new StringBuilder(String.format("%-5s %-9s %7s", day, method, oneDecimal(errors.total())));
        for (ServiceKey key : ServiceKey.values()) {
            row.append(String.format(
                    " %" + width(key) + "s", oneDecimal(errors.units().get(key))));
        }
        return row.toString();
    }

    private static int width(ServiceKey key) {
        return Math.max(7, key.key().length());
    }

    private static String oneDecimal(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
