package com.contactcenter.billing.web;

import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
 * <p>CSRF: every POST that a session authenticates needs the token (the dashboard sends it in a
 * header, forms in a hidden field). A request that carries its own {@code Authorization} header, or an
 * API request with no session at all, has no ambient credentials for another site to borrow, so it
 * needs none; the API's POST bodies are JSON, which a cross-site form cannot send.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";
    static final String OPERATOR = "OPERATOR";

    /** Scripts only from this origin, nothing inline: source text can never run as code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none';"
            + " img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self';"
            + " form-action 'self'";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
                EndpointRequest.toAnyEndpoint(), PathPatternRequestMatcher.pathPattern("/v3/api-docs/**"));
        RequestMatcher script = new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest");
        RequestMatcher ownCredentials = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        RequestMatcher sessionless = request -> request.getSession(false) == null;
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                                .access(AuthorizationManagers.allOf(hasRole(ADMIN), hasRole(TenantScope.PLATFORM)))
                        .requestMatchers(HttpMethod.GET, "/login", "/dashboard/dashboard.css").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/jobs/resync", "/api/jobs/sync").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/sources/reload").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/", "/dashboard", "/dashboard/**", "/webjars/**", "/api/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").hasRole(ADMIN)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("billing-estimate"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), script)
                        .defaultAuthenticationEntryPointFor(basicEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ownCredentials, new AndRequestMatcher(api, sessionless)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("billing-estimate");
        entryPoint.afterPropertiesSet();
        return entryPoint;
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
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
            if (account.platform()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + TenantScope.PLATFORM));
            } else {
                account.tenants().forEach(t -> authorities.add(new SimpleGrantedAuthority(TenantScope.TENANT_PREFIX + t)));
                if (account.tenants().isEmpty()) {
                    log.warn("{} has no tenants (billing.security.accounts[].tenants): it sees no tenant's data;"
                            + " '*' is for platform staff", account);
                }
            }
            users.add(User.withUsername(account.name()).password(hash).authorities(authorities).build());
        }
        if (users.isEmpty()) {
            log.warn("no API accounts (billing.security.accounts): every /api request will be refused");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
