package cn.tongban.license.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.IndependentSm2;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The electronic license library on real PostgreSQL: signatures that an independent SM2 implementation accepts,
 * sealed documents with a QR code, tampering in data and in the document, change, revocation, key rotation, and the
 * holder's authorization of a department (免证办).
 */
@TongbanTest
class LicenseLibraryTest {
  static final String TYPE = "11330782002500001M002"; // 营业执照（个体工商户）, 市场监管
  static final String ISSUER = "11330782002500001M";
  static final RequestPostProcessor SCJG = httpBasic("scjg01", "Tongban2026");
  static final RequestPostProcessor WJW = httpBasic("wjw01", "Tongban2026");

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired PopulationBase population;
  @Autowired JdbcClient jdbc;
  @Autowired LicenseIssuer issuer;
  @Autowired Licenses licenses;
  @Autowired LicenseDocuments documents;
  @Autowired SealKeyStore keys;
  @Autowired LegacyImport imports;
  @Autowired UserDetailsService users;

  String issue(String holderId) {
    return issuer.issue(new IssueLicense(TYPE, "营业执照", "陈晓", holderId, ISSUER, "义乌市市场监督管理局", null,
        Map.of("shopName", "陈晓早餐店", "businessAddress", "义乌市稠城街道工人北路8号", "businessScope", "早餐"),
        "33078220261126000001")).identifier();
  }

  RequestPostProcessor registerHolder(String citizenId) throws Exception {
    population.addPerson("陈晓", citizenId);
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("name", "陈晓", "citizenId", citizenId, "mobile", TestIds.mobile(),
                "password", "Secret123"))))
        .andExpect(status().isCreated());
    return httpBasic(citizenId, "Secret123");
  }

  byte[] publicKey(String keyId) {
    return jdbc.sql("select public_key from license.signing_key where id = ?").param(keyId).query(byte[].class).single();
  }

  @Test
  void theSignatureVerifiesWithAnIndependentSm2AndTheDocumentCarriesItAndAQrCode() throws Exception {
    String identifier = issue(TestIds.citizenId());
    License l = licenses.byIdentifier(identifier).orElseThrow();
    IndependentSm2 sm2 = IndependentSm2.recommended();
    assertThat(sm2.verifyDer(publicKey(l.keyId()), l.canonicalBytes(), l.signature())).isTrue();

    byte[] pdf = documents.stored(l.id()).orElseThrow().content();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var info = doc.getDocumentInformation();
      assertThat(info.getCustomMetadataValue("TongbanIdentifier")).isEqualTo(identifier);
      byte[] signedData = Base64.getDecoder().decode(info.getCustomMetadataValue("TongbanSignedData"));
      byte[] signature = Base64.getDecoder().decode(info.getCustomMetadataValue("TongbanSignature"));
      assertThat(new String(signedData, StandardCharsets.UTF_8)).contains("data.shopName=陈晓早餐店");
      assertThat(sm2.verifyDer(publicKey(info.getCustomMetadataValue("TongbanKeyId")), signedData, signature)).isTrue();
      assertThat(new PDFTextStripper().getText(doc)).contains("营业执照", "陈晓早餐店", "义乌市市场监督管理局", "电子印章");
      var page = new PDFRenderer(doc).renderImage(0, 2f);
      String qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(page)))).getText();
      assertThat(qr).endsWith("/verify/" + identifier);
    }

    // the file verifies for anyone; one altered byte does not
    mvc.perform(multipart("/api/v1/licenses/verification/file").file(new MockMultipartFile("file", "l.pdf", "application/pdf", pdf)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.documentIntact").value(true))
        .andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.license.identifier").value(identifier));
    byte[] altered = pdf.clone();
    altered[altered.length / 2] ^= 0x01;
    mvc.perform(multipart("/api/v1/licenses/verification/file").file(new MockMultipartFile("file", "l.pdf", "application/pdf", altered)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.documentIntact").value(false))
        .andExpect(jsonPath("$.valid").value(false));
    mvc.perform(multipart("/api/v1/licenses/verification/file").file(new MockMultipartFile("file", "x.pdf", "application/pdf",
            "%PDF-1.4 not ours".getBytes(StandardCharsets.US_ASCII))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.recognized").value(false));
  }

  @Test
  void anyAlteredFieldFailsVerification() throws Exception {
    String a = issue(TestIds.citizenId());
    String b = issue(TestIds.citizenId());
    // someone with write access to the database but not the key copies another license's sealed data into this one
    String other = issuer.issue(new IssueLicense(TYPE, "营业执照", "陈晓", TestIds.citizenId(), ISSUER, "义乌市市场监督管理局",
        null, Map.of("shopName", "另一家店", "businessAddress", "义乌市江东街道1号", "businessScope", "百货"),
        "33078220261126000002")).identifier();
    jdbc.sql("update license.license set data_sealed = (select data_sealed from license.license where identifier = ?) "
        + "where identifier = ?").params(other, a).update();
    jdbc.sql("update license.license set valid_until = date '2099-12-31' where identifier = ?").param(b).update();
    for (String identifier : new String[] {a, b}) {
      mvc.perform(get("/api/v1/licenses/verification/" + identifier))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.signatureValid").value(false))
          .andExpect(jsonPath("$.valid").value(false))
          .andExpect(jsonPath("$.conclusion").value(Matchers.startsWith("验证失败")));
    }
  }

  @Test
  void revocationChangeAndKeyRotationShowInVerification() throws Exception {
    String revoked = issue(TestIds.citizenId());
    mvc.perform(post("/api/v1/licenses/" + revoked + "/revocation").with(WJW).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"歇业\"}"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_ISSUING_DEPARTMENT"));
    mvc.perform(post("/api/v1/licenses/" + revoked + "/revocation").with(SCJG).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"申请人申请注销（歇业）\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/licenses/verification/" + revoked))
        .andExpect(jsonPath("$.signatureValid").value(true))
        .andExpect(jsonPath("$.status").value("REVOKED"))
        .andExpect(jsonPath("$.statusLabel").value("已注销"))
        .andExpect(jsonPath("$.valid").value(false))
        .andExpect(jsonPath("$.revokedReason").value("申请人申请注销（歇业）"));

    String original = issue(TestIds.citizenId());
    String body = mvc.perform(post("/api/v1/licenses/" + original + "/changes").with(SCJG)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"data\":{\"businessAddress\":\"义乌市稠城街道新址9号\"},\"reason\":\"经营场所变更\"}"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String changed = JsonPath.read(body, "$.identifier");
    assertThat(changed).contains(".002.").isNotEqualTo(original);
    mvc.perform(get("/api/v1/licenses/verification/" + original))
        .andExpect(jsonPath("$.status").value("SUPERSEDED"))
        .andExpect(jsonPath("$.successorIdentifier").value(changed))
        .andExpect(jsonPath("$.valid").value(false));
    mvc.perform(get("/api/v1/licenses/verification/" + changed))
        .andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.version").value(2));
    assertThat(licenses.byIdentifier(changed).orElseThrow().data()).containsEntry("businessAddress", "义乌市稠城街道新址9号");

    // rotation: new licenses use the new key, old ones stay verifiable with the retired key
    String before = licenses.byIdentifier(changed).orElseThrow().keyId();
    String newKey = keys.rotate(LicenseIssuer.sealOwner(ISSUER));
    assertThat(newKey).isNotEqualTo(before);
    String after = issue(TestIds.citizenId());
    assertThat(licenses.byIdentifier(after).orElseThrow().keyId()).isEqualTo(newKey);
    for (String identifier : new String[] {changed, after}) {
      mvc.perform(get("/api/v1/licenses/verification/" + identifier)).andExpect(jsonPath("$.valid").value(true));
    }
  }

  @Test
  void aDepartmentUsesALicenseOnlyUnderTheHoldersAuthorizationAndTheHolderSeesEveryUse() throws Exception {
    String citizenId = TestIds.citizenId();
    RequestPostProcessor holder = registerHolder(citizenId);
    String identifier = issue(citizenId);
    String number = "33078220261126009999";

    mvc.perform(get("/api/v1/licenses").with(holder))
        .andExpect(jsonPath("$[0].identifier").value(identifier));
    mvc.perform(post("/api/v1/licenses/" + identifier + "/authorizations").with(holder)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("departmentCode", "WJW", "applicationNumber", number,
                "purpose", "公共场所卫生许可免交营业执照"))))
        .andExpect(status().isCreated());

    // the authorized department, for that application: the full data
    mvc.perform(post("/api/v1/licenses/" + identifier + "/use").with(WJW).contentType(MediaType.APPLICATION_JSON)
            .content("{\"applicationNumber\":\"" + number + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holderId").value(citizenId))
        .andExpect(jsonPath("$.data.shopName").value("陈晓早餐店"));
    // another department, or another application: refused
    mvc.perform(post("/api/v1/licenses/" + identifier + "/use").with(SCJG).contentType(MediaType.APPLICATION_JSON)
            .content("{\"applicationNumber\":\"" + number + "\"}"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("LICENSE_USE_NOT_AUTHORIZED"));
    mvc.perform(post("/api/v1/licenses/" + identifier + "/use").with(WJW).contentType(MediaType.APPLICATION_JSON)
            .content("{\"applicationNumber\":\"33078220261126000000\"}"))
        .andExpect(status().isForbidden());
    // another person cannot authorize the holder's license
    RequestPostProcessor stranger = registerHolder(TestIds.citizenId());
    mvc.perform(post("/api/v1/licenses/" + identifier + "/authorizations").with(stranger)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("departmentCode", "SCJG", "applicationNumber", number))))
        .andExpect(status().isNotFound());

    mvc.perform(get("/api/v1/licenses/uses").with(holder))
        .andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[?(@.allowed == true)].departmentCode").value(Matchers.contains("WJW")))
        .andExpect(jsonPath("$[?(@.allowed == false)].departmentCode")
            .value(Matchers.containsInAnyOrder("SCJG", "WJW")));
  }

  @Test
  void expiryAndAnnualCheckShowInVerification() throws Exception {
    String expiredHolder = TestIds.citizenId();
    String checkHolder = TestIds.citizenId();
    String csv = "typeCode,holderName,holderId,issuedOn,validUntil,operatorName,businessAddress,businessFormat,businessScope,shopName\n"
        + "11330782002500001M001,过期,"+ expiredHolder + ",2015-01-01,,过期餐馆,义乌市1号,餐饮服务,热食类,\n"
        + "11330782002500001M002,年检," + checkHolder + ",2020-01-01,,,义乌市2号,,百货,年检百货店\n";
    var staff = (TongbanUser) users.loadUserByUsername("scjg01");
    LegacyImport.Job job = imports.start(staff, "two.csv", csv);
    imports.run(job.id());
    assertThat(imports.job(job.id()).orElseThrow().issuedRows()).isEqualTo(2);
    // (other tests may have issued licenses to the same synthetic holders: pick the imported ones)
    String expired = licenses.byHolder(expiredHolder).stream().filter(l -> "LEGACY".equals(l.origin()))
        .filter(l -> l.issuedOn().getYear() == 2015).findFirst().orElseThrow().identifier();
    String overdue = licenses.byHolder(checkHolder).stream().filter(l -> "LEGACY".equals(l.origin()))
        .filter(l -> l.issuedOn().getYear() == 2020).findFirst().orElseThrow().identifier();

    // 食品经营许可证: 5 years from 2015 -> expired, signature still valid
    mvc.perform(get("/api/v1/licenses/verification/" + expired))
        .andExpect(jsonPath("$.signatureValid").value(true))
        .andExpect(jsonPath("$.validUntil").value("2019-12-31"))
        .andExpect(jsonPath("$.status").value("EXPIRED"))
        .andExpect(jsonPath("$.valid").value(false));
    // 营业执照 needs the annual re-check: overdue until the department records it
    mvc.perform(get("/api/v1/licenses/verification/" + overdue))
        .andExpect(jsonPath("$.status").value("CHECK_OVERDUE")).andExpect(jsonPath("$.statusLabel").value("逾期未年检"));
    mvc.perform(post("/api/v1/licenses/" + expired + "/annual-checks").with(SCJG))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NO_ANNUAL_CHECK"));
    mvc.perform(post("/api/v1/licenses/" + overdue + "/annual-checks").with(SCJG)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/licenses/verification/" + overdue))
        .andExpect(jsonPath("$.status").value("VALID")).andExpect(jsonPath("$.valid").value(true));
  }
}
