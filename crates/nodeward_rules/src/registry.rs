//! Every rule nodeward has, sorted by id.

use crate::rules::{
    chatty_error::ChattyError, missing_helmet::MissingHelmet, nosql_injection::NosqlInjection,
    redos::Redos, regex_injection::RegexInjection, sql_injection::SqlInjection,
    swallowed_crash::SwallowedCrash, ungated_dev_route::UngatedDevRoute,
    vulnerable_dependency::VulnerableDependency, x_powered_by::XPoweredBy,
};
use crate::Rule;

static RULES: &[&dyn Rule] = &[
    &ChattyError,
    &MissingHelmet,
    &NosqlInjection,
    &Redos,
    &RegexInjection,
    &SqlInjection,
    &SwallowedCrash,
    &UngatedDevRoute,
    &VulnerableDependency,
    &XPoweredBy,
];

pub fn all_rules() -> &'static [&'static dyn Rule] {
    RULES
}

pub fn find_rule(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.meta().id == id)
}

#[cfg(test)]
mod tests {
    use super::all_rules;

    #[test]
    fn rules_are_sorted_and_unique() {
        let ids: Vec<&str> = all_rules().iter().map(|r| r.meta().id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
    }
}
