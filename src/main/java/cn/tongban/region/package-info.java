/**
 * Region: the national administrative division codes (province → city → county → town/street), for address fields,
 * region levels and statistics. Public API: {@link cn.tongban.region.Divisions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Region 行政区划")
package cn.tongban.region;
