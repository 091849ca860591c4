package cn.tongban.identity;

/**
 * Real-name verification (实名核验) of a natural person against authoritative base data. Today the population base
 * table serves it ({@link PopulationBase}); the data-sharing capability will provide another implementation.
 */
public interface RealNameVerifier {
  /** True when the population base holds this (normalized, valid) citizen ID number under exactly this name. */
  boolean matches(String name, String citizenId);
}
