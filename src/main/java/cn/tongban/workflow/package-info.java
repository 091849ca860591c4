/**
 * Workflow: runs each case's approval process in Flowable (BPMN: standard, 即办件, multi-level, 联审, or an uploaded
 * one bound to the item) on the same database and routes tasks to the post of the department that has the step as
 * a duty (A/B staff) or to the department. It tells the rest of the platform what happened through events, published
 * in the same transaction, so the engine and the case's own status never disagree. It also owns time: the
 * working-day calendar and each case's clock with its pauses, warnings and overdue alarms.
 *
 * <p>API for other modules (this package): {@link CaseWorkflow} with {@link StartCase}, {@link CaseTask} and
 * {@link CaseStep}, {@link CaseClocks} with {@link CaseDeadlines}, {@link WorkingCalendar}, and the events
 * {@link CaseStepCompleted}, {@link JointReviewConcluded}, {@link CaseConcluded} and {@link CaseDeadlineAlert}.
 * {@code web} holds the supervision page and the administration API; {@code internal} the routing, the BPMN service
 * tasks, the deadline scan and the process library with its bindings.
 */
@ApplicationModule(displayName = "Workflow 审批流程与办理时限")
package cn.tongban.workflow;

import org.springframework.modulith.ApplicationModule;
