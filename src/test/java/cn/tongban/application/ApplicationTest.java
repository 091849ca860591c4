package cn.tongban.application;

import static cn.tongban.application.ApplicationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.catalog.ItemCode;
import cn.tongban.identity.AccountId;
import cn.tongban.identity.DepartmentCode;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.platform.web.PlatformException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The case lifecycle: every allowed transition happens, every other one is refused and changes nothing. */
class ApplicationTest {

  /** The lifecycle as the law describes it; the enum must agree exactly. */
  static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.of(
      SUBMITTED, EnumSet.of(ACCEPTED, SUPPLEMENT_REQUIRED, NOT_ACCEPTED, WITHDRAWN, TERMINATED),
      SUPPLEMENT_REQUIRED, EnumSet.of(SUBMITTED, WITHDRAWN, TERMINATED),
      ACCEPTED, EnumSet.of(REVIEWED, TERMINATED),
      REVIEWED, EnumSet.of(APPROVED, DENIED, TERMINATED),
      APPROVED, EnumSet.of(CONCLUDED),
      DENIED, EnumSet.of(CONCLUDED),
      NOT_ACCEPTED, EnumSet.noneOf(ApplicationStatus.class),
      CONCLUDED, EnumSet.noneOf(ApplicationStatus.class),
      WITHDRAWN, EnumSet.noneOf(ApplicationStatus.class),
      TERMINATED, EnumSet.noneOf(ApplicationStatus.class));

  /** How to make a case move to each status through its own methods. */
  static final Map<ApplicationStatus, Consumer<Application>> MOVE = Map.of(
      SUBMITTED, a -> a.resubmit(Map.of("x", "1"), "申请人"),
      SUPPLEMENT_REQUIRED, a -> a.requestSupplement("窗口", "1. 租赁协议缺少出租方签字"),
      NOT_ACCEPTED, a -> a.refuse("窗口", "不属于本机关职权范围（行政许可法第三十二条）"),
      ACCEPTED, a -> a.accept("窗口", null),
      REVIEWED, a -> a.completeReview("审查岗", true, "符合条件"),
      APPROVED, a -> a.approve("决定岗", null),
      DENIED, a -> a.deny("决定岗", "不符合第七条"),
      CONCLUDED, a -> a.conclude(null, "部门"),
      WITHDRAWN, a -> a.withdraw("申请人", "不再需要"),
      TERMINATED, a -> a.terminate("审查岗", "申请人死亡，办理事项失去对象"));

  static final String LICENSE = "1.2.156.3005.2.11330782002500001M002.11330782002500001M.202600000042.001.";

  static Application.Filing filing(String key, Map<String, String> form) {
    AccountId applicant = AccountId.of(UUID.randomUUID());
    return new Application.Filing(ApplicationId.random(), "33078220261127000001", "ABCDEF",
        new Application.CaseItem(ItemCode.of("item"), 1, "事项", DepartmentCode.of("SCJG"), "市场监管局"),
        new Application.Applicant(applicant, "张三", "330782199001011239"), "WEB", key, form);
  }

  static Application inStatus(ApplicationStatus status) {
    Application.Filing filing = filing(null, Map.of());
    return Application.restore(new Application.Stored(filing, Instant.now(),
        new Application.Progress(status, null, "pi", null, null, null, null, null), 0,
        new ActingParty("PERSON", filing.applicant().id().value(), "张三", null, null, null)));
  }

  static Stream<Arguments> everyPair() {
    return Stream.of(ApplicationStatus.values())
        .flatMap(from -> Stream.of(ApplicationStatus.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("everyPair")
  void movesOnlyAlongTheLifecycle(ApplicationStatus from, ApplicationStatus to) {
    Application app = inStatus(from);
    assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    if (ALLOWED.get(from).contains(to)) {
      MOVE.get(to).accept(app);
      assertThat(app.status()).isEqualTo(to);
      assertThat(app.drainNewEntries()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(to));
    } else {
      assertThatThrownBy(() -> MOVE.get(to).accept(app)).isInstanceOf(IllegalTransitionException.class);
      assertThat(app.status()).isEqualTo(from);
      assertThat(app.drainNewEntries()).isEmpty();
    }
  }

  @Test
  void aCorrectionNoticeOrRefusalNeedsItsReason() {
    assertThatThrownBy(() -> inStatus(SUBMITTED).requestSupplement("窗口", " ")).isInstanceOf(PlatformException.class);
    assertThatThrownBy(() -> inStatus(SUBMITTED).refuse("窗口", null)).isInstanceOf(PlatformException.class);
    assertThatThrownBy(() -> inStatus(REVIEWED).deny("决定岗", "")).isInstanceOf(PlatformException.class);
  }

  @Test
  void aCaseRunsFromSubmissionToConclusionWithItsResult() {
    Application.Filing filing = filing("key", Map.of("a", "b"));
    Application app = Application.submit(filing,
        new ActingParty("PERSON", filing.applicant().id().value(), "张三", null, null, null), "申请人");
    app.requestSupplement("窗口", "补充租赁协议");
    assertThat(app.openNotice()).isEqualTo("补充租赁协议");
    app.resubmit(Map.of("a", "c"), "申请人");
    assertThat(app.openNotice()).isNull();
    assertThat(app.formData()).containsEntry("a", "c");
    app.accept("窗口", null);
    app.completeReview("审查岗", true, null);
    app.approve("决定岗", "同意");
    LicenseIdentifier license = LicenseIdentifier.compose("11330782002500001M002", "11330782002500001M",
        "202600000042", 1);
    app.conclude(license, "部门");
    assertThat(app.status()).isEqualTo(CONCLUDED);
    assertThat(app.resultLabel()).isEqualTo("准予许可");
    assertThat(app.licenseIdentifier()).isEqualTo(license);
    assertThat(app.licenseIdentifier().value()).startsWith(LICENSE);
    assertThat(app.acceptedAt()).isNotNull();
    assertThat(app.drainNewEntries()).extracting(TimelineEntry::status)
        .containsExactly(SUBMITTED, SUPPLEMENT_REQUIRED, SUBMITTED, ACCEPTED, REVIEWED, APPROVED, CONCLUDED);
  }
}
