//! Indexing ends on code whose variables lead back to themselves: bundles
//! are full of `var e = e.x` and `var a = b, b = a`.

mod common;

#[test]
fn a_variable_defined_from_its_own_member_ends_the_assertion_lookup() {
    // Each statement `e.y(…)` asks whether it is an assertion, which looks
    // the callee up through `e`'s value: `e.x`, whose object is `e` again.
    let m = common::model(
        "bundle.js",
        "var e = e.x;\ne.y(1);\nvar a = b.c, b = a.d;\na.f(2);\nb.g(3);\n",
    );
    let calls: usize = m.functions.iter().map(|f| f.calls.len()).sum();
    assert_eq!(calls, 3);
}
