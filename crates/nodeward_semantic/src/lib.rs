//! Per-file model and project view.
