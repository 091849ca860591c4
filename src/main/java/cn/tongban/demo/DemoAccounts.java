package cn.tongban.demo;

import cn.tongban.identity.AccountKind;
import cn.tongban.identity.EnterpriseBase;
import cn.tongban.identity.PopulationBase;
import cn.tongban.identity.RegisterPerson;
import cn.tongban.identity.Registration;
import cn.tongban.identity.StaffPosts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's people: population and enterprise base data (who may register, which enterprises their legal
 * representatives may bind), the applicant 张三, staff with their A/B posts, a supervisor and an administrator;
 * created once through identity's API and printed at every start.
 */
@Component
@Order(20)
@Profile("demo")
class DemoAccounts implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
  static final String PASSWORD = "Tongban2026";

  private final Registration registration;
  private final PopulationBase population;
  private final EnterpriseBase enterpriseBase;
  private final StaffPosts posts;

  DemoAccounts(Registration registration, PopulationBase population, EnterpriseBase enterpriseBase, StaffPosts posts) {
    this.registration = registration;
    this.population = population;
    this.enterpriseBase = enterpriseBase;
    this.posts = posts;
  }

  @Override
  public void run(ApplicationArguments args) {
    // demo population and enterprise base data: who may register, and which enterprises their legal reps may bind
    population.addPerson("张三", "330782199001011239");
    population.addPerson("李四", "330782198803150025");
    population.addPerson("王芳", "330782199207200043");
    population.addPerson("张小明", "330782201506010039");
    enterpriseBase.addEnterprise("91330782MA2EC1234K", "义乌市三和小商品有限公司", "张三", "330782199001011239");
    enterpriseBase.addEnterprise("91330782MA2JA5678J", "义乌市四海贸易有限公司", "李四", "330782198803150025");
    if (!registration.exists("330782199001011239")) {
      registration.registerPerson(new RegisterPerson("张三", "330782199001011239", "13800000001", PASSWORD));
    }
    staff("scjg01", "王受理", "SCJG", "义乌市市场监督管理局", "窗口受理岗");
    staff("wjw01", "李审批", "WJW", "义乌市卫生健康局", "审批岗");
    staff("ga01", "赵民警", "GA", "义乌市公安局", "户政岗");
    // B岗 (backup) staff, and the posts that pair them with the A岗 above
    staff("scjg02", "孙受理", "SCJG", "义乌市市场监督管理局", "窗口受理岗（B岗）");
    staff("wjw02", "周审批", "WJW", "义乌市卫生健康局", "审批岗（B岗）");
    staff("ga02", "钱民警", "GA", "义乌市公安局", "户政岗（B岗）");
    posts.definePost("SCJG-CKSL", "SCJG", "窗口受理岗", List.of("accept", "handle"), "scjg01", "scjg02");
    posts.definePost("WJW-SPG", "WJW", "审批岗",
        List.of("accept", "review", "firstReview", "secondReview", "decide", "handle"), "wjw01", "wjw02");
    posts.definePost("GA-HZG", "GA", "户政岗", List.of("accept", "review", "decide", "handle"), "ga01", "ga02");
    official(AccountKind.SUPERVISOR, "jdy01", "吴督办", "义乌市政务服务管理办公室 · 督办岗");
    official(AccountKind.ADMIN, "gly01", "郑管理", "义乌市政务服务管理办公室 · 系统管理员");
    log.info("""

        ==== 通办 demo accounts (password {} for all) ====
          applicant 申请人 : 330782199001011239 (张三) or mobile 13800000001
          population base (may register): 李四 330782198803150025, 王芳 330782199207200043,
            minor 张小明 330782201506010039 (registered by a guardian at /my/minors)
          enterprise base: 91330782MA2EC1234K (legal rep 张三), 91330782MA2JA5678J (legal rep 李四)
          staff 市场监管   : scjg01
          staff 卫生健康   : wjw01
          staff 公安       : ga01
          B岗 (backup)     : scjg02, wjw02, ga02
          supervisor 督办  : jdy01
          administrator    : gly01
        ==================================================""", PASSWORD);
  }

  private void official(AccountKind kind, String username, String name, String title) {
    if (!registration.exists(username)) {
      registration.registerOfficial(kind, username, PASSWORD, name, title);
    }
  }

  private void staff(String username, String name, String dept, String deptName, String post) {
    if (!registration.exists(username)) {
      registration.registerStaff(username, PASSWORD, name, dept, deptName, "330782", post);
    }
  }
}
