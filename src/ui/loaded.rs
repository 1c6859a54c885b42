//! The loaded catalogue, ready to search: made by `fetch`, kept on device by `storage`'s choice,
//! shown by `app`. Its own module so that all three import it and none imports another for it.

use std::rc::Rc;

use super::query::Engine;
use crate::catalogue::{Publisher, Question};

/// A loaded catalogue, ready to search.
#[derive(Debug)]
pub struct Ready {
    pub engine: Engine,
    pub questions: Rc<Vec<Question>>,
    pub publisher: Publisher,
    /// Problems found in the file, for the site owner (also logged to the console).
    pub problems: Vec<String>,
    /// Those that left a record out.
    pub skipped: Vec<String>,
    /// Whether the glossary file loaded (else options show their names only).
    pub explained: bool,
}

/// One load is one catalogue: two are equal only if they are the same. (Yew compares properties
/// and effect dependencies on every render; comparing field by field would walk every clinic and
/// the whole index each time.)
impl PartialEq for Ready {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
