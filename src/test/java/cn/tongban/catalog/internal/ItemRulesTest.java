package cn.tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.catalog.Guide;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.RegionLevel;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.platform.web.FieldProblem;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rules on an item version, and situation-driven conditions and materials, on the real seed catalog. */
class ItemRulesTest {
  static final List<ServiceItem> SEED = seed();

  static List<ServiceItem> seed() {
    try (InputStream in = ItemRulesTest.class.getResourceAsStream("/catalog/seed-items.json")) {
      return JsonMapper.builder().build().readValue(in, new TypeReference<List<ServiceItem>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ServiceItem item(String code) {
    return SEED.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
  }

  static ServiceItem withDays(ServiceItem i, int statutory, int promised) {
    return new ServiceItem(0, i.code(), 1, i.name(), i.type(), i.departmentCode(), i.departmentName(),
        i.departmentCreditCode(), i.regionCode(), i.regionName(), statutory, promised, false, i.visitsRequired(),
        i.processKey(), i.licenseTypeCode(), i.licenseValidityYears(), i.guide(), i.baseCode(), i.regionLevel(),
        i.onlineDepth(), i.tags(), i.lifeEvents(), i.keywords());
  }

  @Test
  void theSeedCatalogIsValidAndLargeEnough() {
    for (ServiceItem i : SEED) {
      assertThat(ItemRules.check(i)).as(i.code()).isEmpty();
    }
    assertThat(SEED).hasSizeGreaterThanOrEqualTo(20);
    assertThat(SEED.stream().map(ServiceItem::departmentName).distinct().count()).isGreaterThanOrEqualTo(6);
    assertThat(SEED.stream().map(ServiceItem::regionLevel).distinct().count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void promisedDaysMayNotExceedStatutoryDays() {
    ServiceItem food = item("330782-SCJG-XK-001");
    assertThat(ItemRules.check(withDays(food, 10, 10))).isEmpty();
    assertThat(ItemRules.check(withDays(food, 10, 11)))
        .containsExactly(new FieldProblem("promisedDays", "承诺办结时限（11个工作日）不能超过法定办结时限（10个工作日）"));
  }

  @Test
  void theSituationDecidesTheMaterialsAndConditions() {
    Guide g = item("330782-SCJG-XK-001").guide();
    List<String> sales = codes(g.materialsFor(Map.of("businessFormat", "食品销售经营者")));
    List<String> catering = codes(g.materialsFor(Map.of("businessFormat", "餐饮服务经营者")));
    assertThat(sales).doesNotContain("kitchenPlan", "staffHealth").contains("layout", "businessLicense");
    assertThat(catering).contains("kitchenPlan", "staffHealth", "layout");
    assertThat(codes(g.materialsFor(Map.of()))).contains("kitchenPlan"); // unanswered: everything that may apply
    assertThat(g.conditionsFor(Map.of("businessFormat", "食品销售经营者"))).isEmpty();
    assertThat(g.conditionsFor(Map.of("businessFormat", "单位食堂"))).singleElement()
        .extracting(Guide.Clause::text).asString().contains("单位食堂");
    // what the applicant uploads: 免提交 materials (health certificate via e-license) are never asked
    ServiceItem food = item("330782-SCJG-XK-001");
    assertThat(codes(food.uploadMaterialsFor(Map.of("businessFormat", "餐饮服务经营者"))))
        .contains("kitchenPlan").doesNotContain("staffHealth", "businessLicense");
    // the situation is asked on the application form too, as a required choice
    assertThat(item("330782-RSJ-QR-003").form().fields()).anySatisfy(f -> {
      assertThat(f.name()).isEqualTo("retireType");
      assertThat(f.required()).isTrue();
    });
  }

  @Test
  void materialRulesNameTheElement() {
    ServiceItem resid = item("330782-GA-QR-001");
    Guide g = resid.guide();
    MaterialRequirement bad = new MaterialRequirement("work", "就业证明", true, "电子版", 1, "SHARED", null, 0,
        List.of("residenceBasis=退休"), null, null, false);
    Guide broken = new Guide(g.conditions(), g.legalBasis(), g.fee(), g.processSteps(), g.windowAddress(),
        g.windowHours(), g.consultPhone(), g.complaintPhone(), g.resultName(), g.rightsAndObligations(),
        g.legalRemedy(), g.faqs(), List.of(bad), g.form(), g.situations(), g.situationalConditions(),
        g.resultSample(), g.departmentAddress(), g.departmentPhone(), g.handlingMode());
    ServiceItem i = new ServiceItem(0, resid.code(), 1, resid.name(), resid.type(), resid.departmentCode(),
        resid.departmentName(), resid.departmentCreditCode(), resid.regionCode(), resid.regionName(), 15, 10, false,
        1, "standard-approval", null, null, broken, null, RegionLevel.VILLAGE, 4, List.of(), List.of(), List.of());
    assertThat(ItemRules.check(i)).extracting(FieldProblem::field).contains("guide.materials[work].sharedData",
        "guide.materials[work].appliesWhen", "regionCode", "regionLevel");
  }

  private static List<String> codes(List<MaterialRequirement> ms) {
    return ms.stream().map(MaterialRequirement::code).toList();
  }
}
