/**
 * Identity: natural persons keyed by the citizen ID number, enterprises, representation (guardians, delegations,
 * employees), staff with their department, region and posts, and the login that serves every channel.
 *
 * <p>API for other modules (this package): the values {@link CitizenIdNumber}, {@link CreditCode}, the signed-in
 * {@link TongbanUser}, {@link PersonDirectory}, {@link Representation} and {@link Acting}, {@link Enterprises},
 * {@link StaffPosts} (posts with A/B staff; event {@link PostAbsenceChanged}), {@link Registration} with the base data
 * registers {@link PopulationBase} and {@link EnterpriseBase}, and the ports {@link RealNameVerifier} and
 * {@link FaceVerifier}. {@code web} holds the sign-in, account, relation and post pages and APIs; {@code internal} the
 * accounts, credentials, tokens, one-time codes, relations, sign-in guard and audit, and the data upgrade.
 */
@ApplicationModule(displayName = "Identity 统一身份认证")
package cn.tongban.identity;

import org.springframework.modulith.ApplicationModule;
