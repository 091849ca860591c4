package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.TongbanUser;
import cn.tongban.notification.Notice;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseTask;
import cn.tongban.workflow.CaseWorkflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 终止: staff of the case's department end it before a decision; the process ends and the clock stops with it. */
@Service
public class CaseTermination {
  private final CaseWorkflow workflow;
  private final Applications applications;
  private final AuditTrail audit;
  private final PersonDirectory persons;
  private final Notifications notifications;

  CaseTermination(CaseWorkflow workflow, Applications applications, AuditTrail audit, PersonDirectory persons,
      Notifications notifications) {
    this.workflow = workflow;
    this.applications = applications;
    this.audit = audit;
    this.persons = persons;
    this.notifications = notifications;
  }

  @Transactional
  public Application terminate(String taskId, TongbanUser user, String reason) {
    CaseTask task = workflow.task(taskId, user).orElseThrow(() -> PlatformException.notFound("任务"));
    Application app = applications.byIdForUpdate(task.applicationId())
        .filter(a -> a.departmentCode().value().equals(user.departmentCode()))
        .orElseThrow(() -> PlatformException.notFound("办件"));
    app.terminate(user.departmentName() + " · " + user.post(), reason);
    applications.update(app);
    workflow.cancel(app.id().value(), "终止办理：" + reason.trim());
    audit.record("application.terminated", "application", app.number(), reason.trim());
    persons.findPerson(app.applicantId()).filter(p -> p.mobile() != null && !p.mobile().isBlank())
        .ifPresent(p -> notifications.send(new Notice(Notice.Channel.SMS, app.applicantId().toString(), p.mobile(),
            "办件已终止", "【通办】您申请的“" + app.itemName() + "”（办件编号 " + app.number() + "）已终止办理，理由请登录查看。")));
    return app;
  }
}
