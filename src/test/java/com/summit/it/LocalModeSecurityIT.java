package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.LoginThrottledException;
import com.summit.security.service.UserService;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Local mode serves this machine only: the engine's gateway, the database and the web app listen on loopback; the
 * database asks for a password the app generated; wrong passwords slow sign-in down; the pages carry the headers a
 * browser needs to keep them to themselves.
 */
class LocalModeSecurityIT extends LocalAppIT {

    @Autowired AuthenticationProvider authentication;
    @Autowired UserService users;
    @Autowired DataSource dataSource;
    @LocalServerPort int webPort;

    @Test
    void theEngineTheDatabaseAndTheWebAppListenOnLoopbackOnly() throws IOException {
        InetAddress outside = nonLoopbackAddress().orElseThrow(() -> new IllegalStateException("this machine has no other address to try"));
        for (int port : new int[] {ZEEBE, POSTGRES, webPort}) {
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("127.0.0.1:%d", port).isTrue();
            assertThat(connects(outside, port)).as("%s:%d", outside.getHostAddress(), port).isFalse();
        }
    }

    @Test
    void theDatabaseAsksForTheGeneratedPasswordAndTheAppIsNoSuperuser() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + POSTGRES + "/summit";
        assertThatThrownBy(() -> DriverManager.getConnection(url, props("postgres", null)).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, props("postgres", "summit")).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        var credentials = DATA.resolve("local-credentials.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select current_user, rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("summit");
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("create role").isFalse();
            assertThat(rs.getBoolean(4)).as("create database").isFalse();
        }
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(credentials)) {
            saved.load(in);
        }
        try (Connection c = DriverManager.getConnection(url, props("summit", saved.getProperty("postgres.summit.password")))) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void elasticsearchAnswersOnlyTheAppsUserWithTheGeneratedPassword() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI root = URI.create("http://127.0.0.1:" + ES_HTTP + "/_cluster/health");
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(DATA.resolve("local-credentials.properties"))) {
            saved.load(in);
        }
        String good = "Basic " + java.util.Base64.getEncoder().encodeToString(("summit:" + saved.getProperty("elasticsearch.summit.password"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(180)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(root).header("Authorization", good).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        assertThat(http.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("summit:summit".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(http.send(HttpRequest.newBuilder(root).header("Authorization", wrong).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        assertThat(connects(nonLoopbackAddress().orElseThrow(), ES_HTTP)).isFalse();
    }

    @Test
    void fiveWrongPasswordsMakeTheAccountWaitEvenForTheRightOne() {
        String name = "tp" + UUID.randomUUID().toString().substring(0, 6);
        users.createIfMissing(new SummitUser(name, "钱平", Set.of(Role.REP), null, null), "right-Passw0rd");
        for (int i = 1; i <= 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> signIn(name, "wrong" + attempt, "10.1.0." + attempt)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(name, "right-Passw0rd", "10.1.0.9")).isInstanceOfSatisfying(LoginThrottledException.class,
                e -> assertThat(e.waitSeconds()).isBetween(25L, 30L));
    }

    @Test
    void manyWrongPasswordsFromOneAddressMakeThatAddressWaitButNoOtherAddress() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String address = "10.2." + (marker.hashCode() & 0xff) + ".7";
        String good = "ok" + marker;
        users.createIfMissing(new SummitUser(good, "孙红", Set.of(Role.REP), null, null), "right-Passw0rd");
        // a guess at twenty different accounts, one each: no account reaches its own limit, the address does
        for (int i = 1; i <= 20; i++) {
            int attempt = i;
            assertThatThrownBy(() -> signIn("guess" + attempt + marker, "123456", address)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(good, "right-Passw0rd", address)).isInstanceOf(LoginThrottledException.class);
        assertThat(signIn(good, "right-Passw0rd", "10.3.0.1").isAuthenticated()).isTrue();
    }

    @Test
    void pagesCarryAContentSecurityPolicyAReferrerPolicyAndASameSiteSessionCookie() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        // the login POST needs the page's CSRF token: without it, no sign-in, whatever the password
        String session = cookie(login);
        HttpResponse<String> forged = postLogin(http, session, "username=zhangwei&password=summit");
        assertThat(forged.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(signedIn(http, session)).as("signed in without the CSRF token").isFalse();
        // with the token the page carries (the meta tags Vaadin's login form reads), the same POST signs in
        java.util.regex.Matcher meta = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(login.body());
        assertThat(meta.find()).as("the login page carries the CSRF token").isTrue();
        HttpResponse<String> real = postLogin(http, session, "username=zhangwei&password=summit&_csrf=" + meta.group(1));
        assertThat(real.headers().firstValue("Location")).get().asString().doesNotContain("/login");
        assertThat(signedIn(http, cookie(real) == null ? session : cookie(real))).isTrue();
    }

    private HttpResponse<String> postLogin(HttpClient http, String session, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the session opens the inbox (a signed-out one is sent to the login page). */
    private boolean signedIn(HttpClient http, String session) throws Exception {
        HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        return inbox.statusCode() == 200;
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    private Authentication signIn(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return authentication.authenticate(attempt);
    }

    private static Properties props(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        return p;
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
