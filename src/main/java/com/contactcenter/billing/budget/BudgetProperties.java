package com.contactcenter.billing.budget;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Monthly budgets ({@code billing.budgets}: tenant name → amount in the tenant's pricing currency)
 * and where their alerts go ({@code billing.alerts}). A negative amount, or one that is no
 * number, stops the start with a message naming the tenant. A directory tenant's
 * {@code monthly_budget} column wins over this map.
 */
@ConfigurationProperties("billing")
public record BudgetProperties(
        Map<String, String> budgets, @DefaultValue Alerts alerts) {

    public static final String DEFAULT_SECRET_ENV = "BILLING_ALERTS_WEBHOOK_SECRET";

    /** The budgets as amounts, by tenant name, checked. */
    public BudgetProperties {
        Map<String, String> raw = budgets == null ? Map.of() : budgets;
        Map<String, String> checked = new LinkedHashMap<>();
        raw.forEach((name, text) -> {
            amount(name, text);
            checked.put(name, text.strip());
        });
        budgets = Map.copyOf(checked);
        alerts = alerts == null ? new Alerts(null, null, null, null, null, null, null, null) : alerts;
    }

    /** The YAML budget of a tenant; by its exact name, else ignoring case (as tenant names are unique). */
    public Optional<BigDecimal> budget(String tenant) {
        String text = budgets.get(tenant);
        if (text == null) {
            text = budgets.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(tenant))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return Optional.ofNullable(text).map(t -> amount(tenant, t));
    }

    private static BigDecimal amount(String name, String text) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("billing.budgets." + name + " must be an amount (e.g. 5000000), not '"
                    + (text == null ? "" : text.strip()) + "'");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(
                    "billing.budgets." + name + " must be 0 or more, not " + amount.toPlainString());
        }
        return amount;
    }

    /**
     * Where each change of a budget state is POSTed ({@code webhookUrl}; blank: nowhere), signed
     * with the secret from the environment variable {@code webhookSecretEnv}, and how deliveries are
     * tried: up to {@code maxAttempts} times in one go, {@code initialDelay} apart and then
     * {@code multiplier} times longer each time up to {@code maxDelay}; what is still undelivered
     * after that is tried again every {@code resendEvery}, and at start. {@code timeout} bounds
     * each attempt's connection and answer.
     */
    public record Alerts(
            URI webhookUrl,
            String webhookSecretEnv,
            Integer maxAttempts,
            Duration initialDelay,
            Double multiplier,
            Duration maxDelay,
            Duration resendEvery,
            Duration timeout) {

        public Alerts {
            webhookSecretEnv = webhookSecretEnv == null || webhookSecretEnv.isBlank()
                    ? DEFAULT_SECRET_ENV
                    : webhookSecretEnv.strip();
            maxAttempts = maxAttempts == null ? 5 : maxAttempts;
            initialDelay = initialDelay == null ? Duration.ofSeconds(1) : initialDelay;
            multiplier = multiplier == null ? 2.0 : multiplier;
            maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
            resendEvery = resendEvery == null ? Duration.ofMinutes(5) : resendEvery;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("billing.alerts.max-attempts must be 1 or more");
            }
            if (multiplier < 1) {
                throw new IllegalArgumentException("billing.alerts.multiplier must be 1 or more");
            }
            if (initialDelay.isNegative()
                    || maxDelay.isNegative()
                    || resendEvery.isZero()
                    || resendEvery.isNegative()
                    || timeout.isZero()
                    || timeout.isNegative()) {
                throw new IllegalArgumentException(
                        "billing.alerts delays must not be negative, resend-every and" + " timeout must be positive");
            }
            if (webhookUrl != null && webhookUrl.toString().isBlank()) {
                webhookUrl = null;
            }
            if (webhookUrl != null
                    && !"http".equals(webhookUrl.getScheme())
                    && !"https".equals(webhookUrl.getScheme())) {
                throw new IllegalArgumentException("billing.alerts.webhook-url must be an http or https URL");
            }
        }

        public boolean webhook() {
            return webhookUrl != null;
        }
    }
}
