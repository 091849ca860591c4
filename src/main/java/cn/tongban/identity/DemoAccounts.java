package cn.tongban.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo accounts for the demo run (tongban.demo.enabled), created once and printed at every start. */
@Component
@Order(20)
@ConditionalOnProperty(name = "tongban.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
  static final String PASSWORD = "Tongban2026";

  private final Registration registration;

  DemoAccounts(Registration registration) {
    this.registration = registration;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!registration.exists("330782199001011239")) {
      registration.registerPerson(new RegisterPerson("张三", "330782199001011239", "13800000001", PASSWORD));
    }
    staff("scjg01", "王受理", "SCJG", "义乌市市场监督管理局", "窗口受理岗");
    staff("wjw01", "李审批", "WJW", "义乌市卫生健康局", "审批岗");
    staff("ga01", "赵民警", "GA", "义乌市公安局", "户政岗");
    log.info("""

        ==== 通办 demo accounts (password {} for all) ====
          applicant 申请人 : 330782199001011239 (张三) or mobile 13800000001
          staff 市场监管   : scjg01
          staff 卫生健康   : wjw01
          staff 公安       : ga01
        ==================================================""", PASSWORD);
  }

  private void staff(String username, String name, String dept, String deptName, String post) {
    if (!registration.exists(username)) {
      registration.registerStaff(username, PASSWORD, name, dept, deptName, "330782", post);
    }
  }
}
