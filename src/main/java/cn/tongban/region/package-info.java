/**
 * Region: the national administrative division codes (province → city → county → town/street), for address fields,
 * region levels and statistics.
 *
 * <p>API for other modules (this package): {@link Divisions} and {@link Division}. {@code web} holds the divisions
 * API; {@code internal} the seed of the national codes.
 */
@ApplicationModule(displayName = "Region 行政区划")
package cn.tongban.region;

import org.springframework.modulith.ApplicationModule;
