package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.MovingClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Password guessing, by HTTP Basic and by the login form, with a clock the test moves: five
 * failures per account name, or per client address, within 15 minutes, and every further attempt is
 * refused (429, Retry-After) even with the right password until the window has passed; unknown
 * names are answered exactly as known ones. Each test uses its own names and addresses.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(MovingClock.class)
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

    private static final String PASSWORD = "right-pw-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry,
                "wh_login_throttle",
                new String[] {"ada", "admin", PASSWORD, "*"},
                new String[] {"bea", "admin", PASSWORD, "*"},
                new String[] {"cai", "admin", PASSWORD, "*"},
                new String[] {"dov", "admin", PASSWORD, "*"},
                new String[] {"eli", "admin", PASSWORD, "*"});
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MovingClock.Moving clock;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse basic(String account, String password, String address) throws Exception {
        return mvc.perform(get("/api/dashboard/sources")
                        .with(httpBasic(account, password))
                        .with(from(address)))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse form(String account, String password, String address) throws Exception {
        MockHttpServletRequestBuilder login =
                post("/login").param("username", account).param("password", password);
        return mvc.perform(login.with(csrf()).with(from(address))).andReturn().getResponse();
    }

    @Test
    void theSixthBasicLoginIsRefusedEvenWithTheRightPasswordUntilTheWindowHasPassed() throws Exception {
        // given five wrong passwords for ada
        for (int i = 0; i < 5; i++) {
            assertThat(basic("ada", "guess-" + i, "10.0.1.1").getStatus()).isEqualTo(401);
        }

        // when the sixth comes, wrong or right
        MockHttpServletResponse sixth = basic("ada", "guess-5", "10.0.1.1");
        MockHttpServletResponse right = basic("ada", PASSWORD, "10.0.1.2");

        // then both are refused, saying how long to wait
        assertThat(sixth.getStatus()).isEqualTo(429);
        assertThat(sixth.getHeader("Retry-After")).isEqualTo("900");
        assertThat(sixth.getContentAsString())
                .isEqualTo(
                        "{\"error\":\"demasiados inicios de sesión fallidos; vuelva a intentarlo en 900 segundos\"}");
        assertThat(right.getStatus()).isEqualTo(429);
        assertThat(right.getHeader("Retry-After")).isEqualTo("900");

        // and a second before the window has passed, still
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        MockHttpServletResponse almost = basic("ada", PASSWORD, "10.0.1.2");
        assertThat(almost.getStatus()).isEqualTo(429);
        assertThat(almost.getHeader("Retry-After")).isEqualTo("1");

        // and once it has, the right password gets in
        clock.advance(Duration.ofSeconds(1));
        assertThat(basic("ada", PASSWORD, "10.0.1.2").getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyAsAKnownOne() throws Exception {
        for (int i = 0; i <= 6; i++) {
            // when the same guesses come for a known and an unknown name, at the same moment
            MockHttpServletResponse known = basic("bea", "guess-" + i, "10.0.2.1");
            MockHttpServletResponse unknown = basic("no-such-account", "guess-" + i, "10.0.2.2");

            // then the answers are the same, the sixth and seventh refused
            assertThat(unknown.getStatus()).isEqualTo(known.getStatus()).isEqualTo(i < 5 ? 401 : 429);
            assertThat(unknown.getHeaderNames()).containsExactlyInAnyOrderElementsOf(known.getHeaderNames());
            assertThat(unknown.getHeader("WWW-Authenticate")).isEqualTo(known.getHeader("WWW-Authenticate"));
            assertThat(unknown.getHeader("Retry-After")).isEqualTo(known.getHeader("Retry-After"));
            assertThat(unknown.getContentAsString()).isEqualTo(known.getContentAsString());
        }
    }

    @Test
    void fiveFailuresFromOneAddressRefuseEveryAccountThereButNotElsewhere() throws Exception {
        // given five names guessed from one address
        for (String name : new String[] {"x1", "x2", "x3", "x4", "x5"}) {
            assertThat(basic(name, "guess", "10.0.3.1").getStatus()).isEqualTo(401);
        }

        // then a right password from there is refused, and from another address it is not
        assertThat(basic("cai", PASSWORD, "10.0.3.1").getStatus()).isEqualTo(429);
        assertThat(basic("cai", PASSWORD, "10.0.3.2").getStatus()).isEqualTo(200);
    }

    @Test
    void aSuccessClearsTheAccountsFailures() throws Exception {
        // given four failures, then a success (each from its own address)
        for (int i = 0; i < 4; i++) {
            assertThat(basic("dov", "guess", "10.0.4." + i).getStatus()).isEqualTo(401);
        }
        assertThat(basic("dov", PASSWORD, "10.0.4.10").getStatus()).isEqualTo(200);

        // then five more failures are each answered 401, and only after them is the account throttled
        for (int i = 20; i < 25; i++) {
            assertThat(basic("dov", "guess", "10.0.4." + i).getStatus()).isEqualTo(401);
        }
        assertThat(basic("dov", PASSWORD, "10.0.4.30").getStatus()).isEqualTo(429);
    }

    @Test
    void theLoginFormSendsAThrottledAccountBackToTheLoginPageSayingWhy(CapturedOutput log) throws Exception {
        // given five wrong passwords in the form
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse wrong = form("eli", "guess-" + i, "10.0.5.1");
            assertThat(wrong.getRedirectedUrl()).isEqualTo("/login?error");
        }

        // when the right one comes
        MockHttpServletResponse refused = form("eli", PASSWORD, "10.0.5.2");

        // then it goes back to the login page, which says why
        assertThat(refused.getStatus()).isEqualTo(302);
        assertThat(refused.getRedirectedUrl()).isEqualTo("/login?throttled");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("900");
        String page = mvc.perform(get("/login").param("throttled", ""))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Demasiados intentos fallidos: espere unos minutos antes de volver a intentarlo.");

        // and once the window has passed it logs in
        clock.advance(Duration.ofMinutes(15));
        assertThat(form("eli", PASSWORD, "10.0.5.2").getRedirectedUrl()).isEqualTo("/dashboard");

        // and each failure and refusal was logged with the name and address, never a password
        assertThat(log.getOut())
                .contains(
                        "login failed for account 'eli' from 10.0.5.1: 1 of 5 failures allowed in PT15M",
                        "login failed for account 'eli' from 10.0.5.1: 5 of 5 failures allowed in PT15M",
                        "login refused for account 'eli' from 10.0.5.2: too many failed logins; retry after 900 s")
                .doesNotContain("guess-")
                .doesNotContain(PASSWORD);
    }
}
