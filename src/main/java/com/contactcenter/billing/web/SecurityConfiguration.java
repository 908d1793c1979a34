package com.contactcenter.billing.web;

import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.config.BillingProperties.Account;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with the accounts of {@code billing.security.accounts}: admins read everything
 * (GET /api/**, the actuator); operators and admins start re-syncs. Health answers everyone, with
 * details for admins only. No sessions, so no CSRF tokens: every request carries its credentials.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";
    static final String OPERATOR = "OPERATOR";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/jobs/resync").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(ADMIN)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("billing-estimate"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Accounts without a password hash are left out: they cannot log in. Hashes are never logged. */
    @Bean
    UserDetailsService accounts(BillingProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (Account account : properties.security().accounts()) {
            String hash = account.passwordHash();
            if (hash == null || hash.isBlank()) {
                log.warn("{} has no password hash (set it from the environment): it cannot log in", account);
                continue;
            }
            hash = hash.strip();
            if (!hash.startsWith("{")) {
                hash = "{bcrypt}" + hash;
            }
            users.add(User.withUsername(account.name()).password(hash).roles(account.role().name()).build());
        }
        if (users.isEmpty()) {
            log.warn("no API accounts (billing.security.accounts): every /api request will be refused");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
