package cn.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import cn.tongban.application.SliceApiTest;
import cn.tongban.identity.PopulationBase;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen registers, saves a draft, applies, is approved and receives a license; then every column of every table in the
 * database (the platform's schemas and the workflow engine's) is searched for the citizen's ID number and mobile
 * number, in text and inside binary columns. Neither may appear anywhere in plaintext.
 */
@TongbanTest
class PersonalDataAtRestTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired PopulationBase population;

  record Column(String schema, String table, String column, String type) {}

  List<String> whereFound(String needle) {
    List<Column> columns = jdbc.sql("""
        select c.table_schema, c.table_name, c.column_name, c.data_type
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
          and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea')""")
        .query((rs, i) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    List<String> found = new ArrayList<>();
    for (Column c : columns) {
      String col = "\"" + c.column() + "\"";
      String predicate = c.type().equals("bytea")
          ? "position(convert_to(?, 'UTF8') in " + col + ") > 0"
          : col + "::text like '%' || ? || '%'";
      int n = jdbc.sql("select count(*) from \"" + c.schema() + "\".\"" + c.table() + "\" where " + predicate)
          .param(needle).query(Integer.class).single();
      if (n > 0) {
        found.add(c.schema() + "." + c.table() + "." + c.column());
      }
    }
    return found;
  }

  @Test
  void noIdNumberOrMobileNumberIsStoredInPlaintextAnywhere() throws Exception {
    SliceApiTest slice = new SliceApiTest();
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
    SliceApiTest.Person p = slice.register();
    // an unfinished form saved as a draft, with both numbers in it
    mvc.perform(MockMvcRequestBuilders.put("/api/v1/drafts/330782-SCJG-DJ-002")
            .with(p.auth()).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("formData", Map.of(
                "applicantCitizenId", p.citizenId(), "contactPhone", p.mobile(), "shopName", "草稿小店")))))
        .andExpect(status().isOk());
    assertThat(jdbc.sql("select count(*) from application.draft").query(Integer.class).single()).isPositive();
    String id = slice.submit(p, "at-rest-" + UUID.randomUUID());
    slice.complete(id, "accept", "材料齐全");
    slice.complete(id, "agree", "");
    slice.complete(id, "approve", "");
    String detail = mvc.perform(get("/api/v1/applications/" + id).with(p.auth())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    String license = JsonPath.read(detail, "$.licenseIdentifier");
    assertThat(license).isNotBlank();
    // the full values are still there for those entitled to them
    assertThat(detail).contains(p.citizenId()).contains(p.mobile());
    mvc.perform(get("/api/v1/licenses/verification/" + license)).andExpect(status().isOk());
    // the holder downloads the sealed document and lets a department use the license for one application
    mvc.perform(get("/api/v1/licenses/" + license + "/document").with(p.auth())).andExpect(status().isOk());
    mvc.perform(post("/api/v1/licenses/" + license + "/authorizations").with(p.auth())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"departmentCode\":\"WJW\",\"applicationNumber\":\"33078220260101000001\",\"purpose\":\"免证办\"}"))
        .andExpect(status().is2xxSuccessful());
    // and a legacy import holds the same person's record, one row of it rejected
    String csv = "typeCode,holderName,holderId,issuedOn,validUntil,shopName,businessAddress,businessScope\n"
        + "11330782002500001M002,测试人," + p.citizenId() + ",2020-01-01,,老店,义乌市1号,百货\n"
        + "NO-SUCH-TYPE,测试人," + p.citizenId() + ",2020-01-01,,老店,义乌市1号,百货\n";
    mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/licenses/imports")
            .file(new MockMultipartFile("file", "old.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)))
            .with(SecurityMockMvcRequestPostProcessors
                .httpBasic("scjg01", "Tongban2026")))
        .andExpect(status().is2xxSuccessful());
    for (int i = 0; i < 100 && jdbc.sql("select count(*) from license.license_import where status = 'RUNNING'")
        .query(Integer.class).single() > 0; i++) {
      Thread.sleep(100);
    }
    assertThat(jdbc.sql("select count(*) from license.license_import_rejection").query(Integer.class).single())
        .isPositive();

    assertThat(whereFound(p.citizenId())).as("tables holding the ID number in plaintext").isEmpty();
    assertThat(whereFound(p.mobile())).as("tables holding the mobile number in plaintext").isEmpty();
  }
}
