/**
 * License: electronic licenses (电子证照) issued as results, signed with the platform's SM2 seal key over their
 * canonical data, and verifiable by anyone. Public API: {@link cn.tongban.license.LicenseIssuer},
 * {@link cn.tongban.license.LicenseVerifier}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "License 电子证照")
package cn.tongban.license;
