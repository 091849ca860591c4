/**
 * Demo: the data of the demo run, active only under the Spring profile {@code demo} ({@code ./tongban run} and the
 * tests switch it on; a production start does not): the demo accounts, the population and enterprise base data they
 * register against, and the city's seed catalog ({@code catalog/seed-items.json}, {@code seed-bundles.json}). It
 * writes only through the owning modules' APIs (identity's {@code Registration}, {@code PopulationBase},
 * {@code EnterpriseBase}, {@code StaffPosts}; catalog's {@code Catalog}) and owns no tables. No module depends on it
 * ({@code ModularityTest} checks), so production code runs the same without it.
 */
@ApplicationModule(displayName = "Demo 演示数据")
@NullMarked
package cn.tongban.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
