//! Any text as a period: parsing never panics, and a parsed period prints as
//! a code that parses back to the same period with the same days.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sundhedsaftale::period::Period;

fuzz_target!(|text: &str| {
    if let Ok(p) = text.parse::<Period>() {
        let again: Period = p.to_string().parse().expect("a printed period parses");
        assert_eq!(again, p);
        assert!(p.first_day() <= p.last_day());
        assert!(p.fractional_year().is_finite());
    }
});
