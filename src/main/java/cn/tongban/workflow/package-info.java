/**
 * Workflow: runs each case's approval process in Flowable (BPMN: standard, 即办件, multi-level, 联审, or an uploaded
 * one bound to the item) on the same database and routes tasks to the post of the department that has the step as
 * a duty (A/B staff) or to the department. It tells the rest of the platform what happened through events
 * ({@link cn.tongban.workflow.CaseStepCompleted}, {@link cn.tongban.workflow.JointReviewConcluded},
 * {@link cn.tongban.workflow.CaseConcluded}, {@link cn.tongban.workflow.CaseDeadlineAlert}), published in the same
 * transaction, so the engine and the case's own status never disagree. It also owns time: the working-day calendar
 * and each case's clock with its pauses, warnings and overdue alarms.
 * Public API: {@link cn.tongban.workflow.CaseWorkflow}, {@link cn.tongban.workflow.CaseClocks},
 * {@link cn.tongban.workflow.WorkingCalendar}, {@link cn.tongban.workflow.ProcessLibrary}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow 审批流程与办理时限")
package cn.tongban.workflow;
