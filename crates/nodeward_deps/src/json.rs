//! Strict JSON through `jsonc-parser`, which keeps every node's range (the
//! lockfile key a finding points at); comments, trailing commas and the
//! other JSONC extensions are refused, as npm refuses them.

use jsonc_parser::ast::{ObjectProp, ObjectPropName, Value};
use jsonc_parser::{CollectOptions, ParseOptions};

use nodeward_report::Span;

pub fn parse_strict(text: &str) -> Result<Option<Value<'_>>, String> {
    let opts = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
    };
    jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &opts)
        .map(|r| r.value)
        .map_err(|e| e.to_string())
}

pub fn string_of(v: &Value) -> Option<String> {
    v.as_string_lit().map(|s| s.value.to_string())
}

/// The span of a property's quoted name.
pub fn prop_name_span(p: &ObjectProp) -> Span {
    let r = match &p.name {
        ObjectPropName::String(s) => s.range,
        ObjectPropName::Word(w) => w.range,
    };
    crate::lockfile::span(r.start, r.end)
}
