package com.contactcenter.billing.web;

import com.contactcenter.billing.source.TenantsProperties;
import com.contactcenter.billing.web.SecurityProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in, one set of accounts ({@code billing.security.accounts}): HTTP Basic for scripts and
 * tools (every request carries its credentials, no session), and a login form with a session for
 * the dashboard. Admins read everything (the dashboard, GET /api/**, the actuator, the OpenAPI
 * document); operators and admins start re-syncs. Each account sees only its tenants
 * ({@link TenantScope}); the service's own endpoints (actuator) are for platform admins. Health
 * answers everyone, with details for platform staff.
 *
 * <p>Two filter chains. A request carrying HTTP Basic credentials is stateless: it is authenticated
 * by those credentials alone, never reads, creates or renews a session (a session cookie sent along
 * is ignored), and needs no CSRF token, since nothing ambient authenticates it. Every other request
 * goes through the session chain, where every POST needs the CSRF token (the dashboard sends it in
 * a header, forms in a hidden field) whatever other headers it carries, an {@code Authorization}
 * header of another scheme included. Only an API request with no session at all needs none: it has
 * no credentials to borrow and is refused as unauthenticated anyway.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";
    static final String OPERATOR = "OPERATOR";
    /**
     * An admin of every tenant ({@code *}): the service's own endpoints and health details, which
     * name every source's host. Named in {@code management.endpoint.health.roles}.
     */
    static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private static final String REALM = "billing-estimate";

    /** Scripts only from this origin, nothing inline: source text can never run as code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none';"
            + " img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self';"
            + " form-action 'self'";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Scripts and tools: every request brings its Basic credentials; no session, no cookie, no CSRF token. */
    @Bean
    @Order(1)
    SecurityFilterChain basic(
            HttpSecurity http, UserDetailsService accounts, LoginThrottle throttle, DashboardTexts texts)
            throws Exception {
        authorize(http.securityMatcher(SecurityConfiguration::hasBasicCredentials))
                .authenticationManager(logins(accounts, throttle))
                .httpBasic(basic -> basic.realmName(REALM)
                        .authenticationEntryPoint(ThrottledLogins.basicEntryPoint(basicEntryPoint(), texts)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The dashboard: a login form and a session, whose every POST needs the CSRF token. */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, UserDetailsService accounts, LoginThrottle throttle) throws Exception {
        RequestMatcher api = new OrRequestMatcher(
                PathPatternRequestMatcher.pathPattern("/api/**"),
                EndpointRequest.toAnyEndpoint(),
                PathPatternRequestMatcher.pathPattern("/v3/api-docs/**"));
        RequestMatcher script = new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest");
        RequestMatcher sessionless = request -> request.getSession(false) == null;
        authorize(http)
                .authenticationManager(logins(accounts, throttle))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/dashboard", true)
                        .failureHandler(ThrottledLogins.formFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), script)
                        .defaultAuthenticationEntryPointFor(basicEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(new AndRequestMatcher(api, sessionless)));
        return http.build();
    }

    /** Who may do what, the same through either door. */
    private static HttpSecurity authorize(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasRole(PLATFORM_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/login", "/dashboard/dashboard.css", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/jobs/resync", "/api/jobs/sync")
                        .hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/sources/reload")
                        .hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/dashboard",
                                "/dashboard/**",
                                "/webjars/**",
                                "/api/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .denyAll())
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    }

    /** An {@code Authorization} header of the Basic scheme (RFC 7617; the scheme is case-insensitive). */
    static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return false;
        }
        String scheme = header.strip().split("\\s", 2)[0];
        return scheme.equalsIgnoreCase("Basic");
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock, SecurityProperties properties) {
        return new LoginThrottle(clock, properties.loginThrottle());
    }

    /** The accounts' passwords, checked only when neither the name nor the address is throttled. */
    private ThrottledLogins logins(UserDetailsService accounts, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder());
        return new ThrottledLogins(new ProviderManager(passwords), throttle);
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        entryPoint.afterPropertiesSet();
        return entryPoint;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Accounts without a password hash are left out: they cannot log in. Hashes are never logged. An
     * account naming a tenant that is no source stops the start.
     */
    @Bean
    UserDetailsService accounts(SecurityProperties properties, TenantsProperties tenants) {
        properties.requireTenantsAmong(tenants);
        List<UserDetails> users = new ArrayList<>();
        for (Account account : properties.accounts()) {
            String hash = account.passwordHash();
            if (hash == null || hash.isBlank()) {
                log.warn("{} has no password hash (set it from the environment): it cannot log in", account);
                continue;
            }
            hash = hash.strip();
            if (!hash.startsWith("{")) {
                hash = "{bcrypt}" + hash;
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
            if (account.platform()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + TenantScope.PLATFORM));
                if (account.role() == Account.Role.ADMIN) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + PLATFORM_ADMIN));
                }
            } else {
                account.tenants()
                        .forEach(t -> authorities.add(new SimpleGrantedAuthority(TenantScope.TENANT_PREFIX + t)));
                if (account.tenants().isEmpty()) {
                    log.warn(
                            "{} has no tenants (billing.security.accounts[].tenants): it sees no tenant's data;"
                                    + " '*' is for platform staff",
                            account);
                }
            }
            users.add(User.withUsername(account.name())
                    .password(hash)
                    .authorities(authorities)
                    .build());
        }
        if (users.isEmpty()) {
            log.warn("no API accounts (billing.security.accounts): every /api request will be refused");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
