/**
 * Application: the case (办件) from submission to conclusion: intake of forms and materials, the case's own status
 * and timeline (changed only through {@link Application}'s methods), the applicant's and staff's pages, and the public
 * progress query. It drives the workflow and receives its step events.
 *
 * <p>API for other modules (this package): {@link ApplicationIntake} (submit, resubmit, withdraw), the case
 * {@link Application} with its {@link ApplicationStatus} and {@link TimelineEntry}, the submission values, and the port
 * {@link SharedData} through which pre-filled values come. {@code web} holds the applicant's, staff's and public pages
 * and the REST controllers; {@code internal} the repositories, the reaction to workflow events, corrections,
 * commitments, drafts, material inspection and recognition, and the data upgrade.
 */
@ApplicationModule(displayName = "Application 办件")
package cn.tongban.application;

import org.springframework.modulith.ApplicationModule;
