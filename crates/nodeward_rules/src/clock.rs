//! The time budget of one file's rules: the pipeline sets a deadline
//! before it runs the per-file rules of a file, and a rule whose work grows
//! with what the file holds (one regex analysis per literal) asks
//! `out_of_time` between steps and stops when it is. Each analysis step has
//! its own budget; this one bounds a file that holds thousands of them. The
//! pipeline turns a spent budget into a notice naming the file.

use std::cell::Cell;
use std::time::Instant;

thread_local! {
    /// (A rule runs on the thread that runs the file's rules.)
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Runs `f` with `deadline` as the current file's (none: no limit).
pub fn with_deadline<R>(deadline: Option<Instant>, f: impl FnOnce() -> R) -> R {
    let before = DEADLINE.with(|d| d.replace(deadline));
    struct Restore(Option<Instant>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEADLINE.with(|d| d.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// Whether the current file's time budget is spent.
pub fn out_of_time() -> bool {
    DEADLINE.with(|d| d.get().is_some_and(|t| Instant::now() >= t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_deadline_holds_inside_and_is_restored_after() {
        assert!(!out_of_time());
        with_deadline(Some(Instant::now()), || {
            assert!(out_of_time());
            with_deadline(None, || assert!(!out_of_time()));
            assert!(out_of_time());
        });
        assert!(!out_of_time());
        with_deadline(Some(Instant::now() + Duration::from_secs(60)), || {
            assert!(!out_of_time())
        });
    }
}
