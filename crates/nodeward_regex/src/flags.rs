//! JavaScript regex flags.

/// The flags of a regex literal or `RegExp` call, in `RegExp.prototype.flags` terms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct RegexFlags {
    pub global: bool,
    pub ignore_case: bool,
    pub multiline: bool,
    pub dot_all: bool,
    pub unicode: bool,
    pub unicode_sets: bool,
    pub sticky: bool,
    pub has_indices: bool,
}

impl RegexFlags {
    /// Parses a flags string (`"gi"`, `"u"`, …). Unknown or repeated flags and the
    /// `u`+`v` combination are errors, as they are for `new RegExp`.
    pub fn parse(flags: &str) -> Result<RegexFlags, String> {
        let mut f = RegexFlags::default();
        for c in flags.chars() {
            let slot = match c {
                'g' => &mut f.global,
                'i' => &mut f.ignore_case,
                'm' => &mut f.multiline,
                's' => &mut f.dot_all,
                'u' => &mut f.unicode,
                'v' => &mut f.unicode_sets,
                'y' => &mut f.sticky,
                'd' => &mut f.has_indices,
                _ => return Err(format!("invalid regular expression flag '{c}'")),
            };
            if *slot {
                return Err(format!("duplicate regular expression flag '{c}'"));
            }
            *slot = true;
        }
        if f.unicode && f.unicode_sets {
            return Err("the 'u' and 'v' flags cannot be combined".to_string());
        }
        Ok(f)
    }

    /// Characters are code points (`u` or `v`) rather than UTF-16 code units.
    pub fn either_unicode(&self) -> bool {
        self.unicode || self.unicode_sets
    }

    /// The flags that change how the pattern itself is parsed.
    pub(crate) fn parser_flags(&self) -> &'static str {
        if self.unicode_sets {
            "v"
        } else if self.unicode {
            "u"
        } else {
            ""
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_flags() {
        let f = RegexFlags::parse("dgimsuy").unwrap();
        assert!(f.global && f.ignore_case && f.multiline && f.dot_all);
        assert!(f.unicode && f.sticky && f.has_indices && !f.unicode_sets);
        assert!(RegexFlags::parse("v").unwrap().either_unicode());
    }

    #[test]
    fn rejects_bad_flags() {
        assert!(RegexFlags::parse("gg").is_err());
        assert!(RegexFlags::parse("uv").is_err());
        assert!(RegexFlags::parse("x").is_err());
    }
}
