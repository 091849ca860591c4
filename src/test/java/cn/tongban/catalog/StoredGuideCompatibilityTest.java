package cn.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.TongbanTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An item version stored by the first release (its guide without the elements added since: situations, material
 * flags, examples…) still reads, so applications pinned to it keep working after an upgrade.
 */
@TongbanTest
class StoredGuideCompatibilityTest {
  @Autowired JdbcClient jdbc;
  @Autowired Catalog catalog;

  @Test
  void aGuideWrittenByTheFirstReleaseStillReads() {
    String code = "330782-OLD-" + (System.nanoTime() % 1_000_000);
    String firstReleaseGuide = """
        {"conditions":"条件","legalBasis":"依据","fee":"不收费","processSteps":["受理","决定"],
         "windowAddress":"义乌市行政服务中心","windowHours":"工作日","consultPhone":"0579-12345","complaintPhone":"12345",
         "resultName":"营业执照","rightsAndObligations":"权利义务","legalRemedy":"复议或诉讼","faqs":[],
         "materials":[{"code":"premises","name":"经营场所使用证明","required":true,"form":"电子版","copies":1,
                       "source":"APPLICANT","description":null}],
         "form":{"fields":[{"name":"shopName","label":"名称","type":"TEXT","required":true,"maxLength":100,
                            "pattern":null,"patternMessage":null,"min":null,"max":null,"options":[],"hint":null,
                            "prefill":null}]}}""";
    jdbc.sql("""
        insert into catalog.service_item (code, version, status, name, item_type, department_code, department_name,
          department_credit_code, region_code, region_name, statutory_days, promised_days, immediate, visits_required,
          process_key, license_type_code, license_validity_years, guide)
        values (?, 1, 'SUPERSEDED', '旧版事项', 'ADMINISTRATIVE_LICENSE', 'SCJG', '义乌市市场监督管理局',
          '11330782002500001M', '330782', '浙江省金华市义乌市', 3, 1, false, 0, 'standard-approval', null, null,
          cast(? as jsonb))""").params(code, firstReleaseGuide).update();

    ServiceItem old = catalog.itemVersion(ItemCode.of(code), 1).orElseThrow();
    assertThat(old.name()).isEqualTo("旧版事项");
    assertThat(old.guide().materials()).singleElement().satisfies(m -> {
      assertThat(m.code()).isEqualTo("premises");
      assertThat(m.required()).isTrue();
      assertThat(m.exemptFromSubmission()).isFalse();
    });
    assertThat(old.form().validate(Map.of()).problems()).extracting(p -> p.field()).contains("shopName");
  }
}
