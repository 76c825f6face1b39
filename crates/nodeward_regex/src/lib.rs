//! JavaScript regex parsing and ReDoS analysis.
