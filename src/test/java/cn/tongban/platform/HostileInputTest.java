package cn.tongban.platform;

import cn.tongban.license.internal.IssueLicense;
import cn.tongban.license.internal.LicenseIssuer;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.tongban.TongbanTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * What an attacker or a clumsy client sends gets a clear 4xx: problem+json naming the field on the API, the error
 * page on the portal; never a 500, never Java type names, never Tomcat's or Spring's own error output.
 */
@TongbanTest
class HostileInputTest {
  static final String APPLICANT = "330782199001011239"; // demo 张三

  @Autowired MockMvc mvc;
  @LocalServerPort int port;

  MockHttpServletResponse call(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  static void problem(MockHttpServletResponse r, int status, String field) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    String body = r.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).contains("\"code\"").doesNotContain("java.").doesNotContain("Exception");
    if (field != null) {
      assertThat(body).contains("\"field\":\"" + field + "\"");
    }
  }

  /** Sends raw bytes over a socket (what an HTTP client library would refuse to send) and returns the answer. */
  String raw(byte[] request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aLoginNameLongerThanAHundredCharactersIsRefusedOnEveryLoginPath() throws Exception {
    String longLogin = "a".repeat(101);
    problem(call(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
        .content("{\"login\":\"" + longLogin + "\",\"password\":\"x\"}")), 422, "login");
    problem(call(post("/api/v1/auth/codes").contentType(MediaType.APPLICATION_JSON)
        .content("{\"login\":\"" + longLogin + "\",\"purpose\":\"LOGIN\"}")), 422, "login");
    problem(call(get("/api/v1/applications").with(httpBasic(longLogin, "x"))), 401, null);
    MockHttpServletResponse form = call(PageForms.withCsrf(mvc, post("/login").param("username", longLogin)
        .param("password", "x")));
    assertThat(form.getStatus()).isEqualTo(302);
    assertThat(form.getRedirectedUrl()).endsWith("/login?error");
  }

  @Test
  void nulCharactersInQueryParametersJsonStringsAndFileNamesAreRefused() throws Exception {
    problem(call(get("/api/v1/items").param("q", "食品\u0000")), 400, "q");
    problem(call(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\":\"张\\u0000三\",\"citizenId\":\"330782199001011239\",\"mobile\":\"13800000009\","
            + "\"password\":\"Secret123\"}")), 400, "name");
    problem(call(multipart("/api/v1/licenses/verification/file")
        .file(new MockMultipartFile("file", "license\u0000.pdf", "application/pdf", "%PDF-1.4".getBytes()))), 400,
        "file");
  }

  @Test
  void aRawNonAsciiByteInTheIdempotencyKeyIsRefusedNamingTheHeader() throws Exception {
    String body = "{\"itemCode\":\"330782-SCJG-DJ-002\",\"commitments\":[\"premises\"],\"formData\":{"
        + "\"applicantName\":\"张三\",\"applicantCitizenId\":\"330782199001011239\",\"contactPhone\":\"13800000001\","
        + "\"shopName\":\"测试小吃店\",\"businessAddress\":\"义乌市稠城街道测试路1号\",\"businessScope\":\"小吃服务\","
        + "\"capital\":\"5\",\"employees\":\"2\"}}";
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream req = new ByteArrayOutputStream();
    req.write(("POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Authorization: Basic " + Base64.getEncoder().encodeToString((APPLICANT + ":Tongban2026").getBytes())
        + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\nIdempotency-Key: k")
        .getBytes(StandardCharsets.US_ASCII));
    req.write(new byte[] {(byte) 0xE9, (byte) 0xFF});
    req.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    req.write(json);
    String answer = raw(req.toByteArray());
    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("application/problem+json").contains("Idempotency-Key");
  }

  @Autowired LicenseIssuer issuer;

  @Test
  void aLicenseAuthorizationWithoutDepartmentIsRefusedNamingTheField() throws Exception {
    String license = issuer.issue(new IssueLicense("11330782002500001M002", "营业执照", "张三",
        APPLICANT, "11330782002500001M", "义乌市市场监督管理局", null, Map.of("shopName", "张三小店",
        "businessAddress", "义乌市稠城街道工人北路8号", "businessScope", "早餐"), "33078220261126009999")).identifier();
    problem(call(post("/api/v1/licenses/" + license + "/authorizations").with(httpBasic(APPLICANT, "Tongban2026"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"applicationNumber\":\"X\",\"purpose\":\"办事\"}")),
        422, "departmentCode");
  }

  @Test
  void theErrorPathItselfAnswersNotFoundInsteadOfStatus999() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/error")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("999");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void aBadUuidNamesTheParameterWithoutJavaTypeNames() throws Exception {
    problem(call(get("/api/v1/applications/not-a-uuid").with(httpBasic(APPLICANT, "Tongban2026"))), 400, "id");
  }

  @Test
  void unsupportedMediaTypesAndMethodsAnswerProblemJson() throws Exception {
    problem(call(post("/api/v1/tokens").contentType(MediaType.TEXT_PLAIN).content("x")), 415, null);
    problem(call(delete("/api/v1/items").with(httpBasic(APPLICANT, "Tongban2026"))), 405, null);
  }

  @Test
  void portalErrorsAreTheErrorPageNeverRawJsonOrTomcatsPage() throws Exception {
    for (String path : new String[] {"/items/%ZZ", "/search?q=%ZZ", "/no-such-page", "/items/%00"}) {
      String answer = raw(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      int status = Integer.parseInt(answer.substring(9, 12));
      assertThat(status).as(path + "\n" + answer).isBetween(300, 499);
      if (status < 400) {
        continue; // an unknown page asks an anonymous visitor to sign in first
      }
      assertThat(answer).as(path).containsIgnoringCase("Content-Type: text/html").contains("通办")
          .doesNotContain("Apache Tomcat").doesNotContain("\"timestamp\"");
    }
  }

  @Test
  void anUploadOverTheLimitAnswers413WithAProblemBody() throws Exception {
    byte[] big = new byte[61 * 1024 * 1024];
    String boundary = "b0undary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.write(big);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/v1/licenses/verification/file"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(r.body()).contains("UPLOAD_TOO_LARGE");
  }
}
