/**
 * Application: the case (办件) from submission to conclusion: intake of forms and materials, the case's own status
 * and timeline (changed only through {@link cn.tongban.application.Application}'s methods), the applicant's and
 * staff's pages, and the public progress query. It drives the workflow and receives its step events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application 办件")
package cn.tongban.application;
