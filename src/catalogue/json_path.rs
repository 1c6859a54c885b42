//! Where in a piece of JSON text a serde_json error happened, as a path like `location.lat` or
//! `therapies[1]`.
//!
//! serde_json reports a failed record by line and column only. Rather than tracking the path while
//! deserializing (an allocation per field for every record, and a second copy of all the
//! deserializing code), the loader walks the text of a record that failed, once, up to the error.

/// The path to the value being read at `line`/`column` (as serde_json counts them: line from 1,
/// column in bytes) in `json`, relative to the outermost value; empty for the outermost value itself.
pub fn path_at(json: &str, line: usize, column: usize) -> String {
    let offset = byte_offset(json, line, column);
    let mut frames: Vec<Frame> = Vec::new();
    let bytes = json.as_bytes();
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'{' => frames.push(Frame::Object {
                key: None,
                expect_key: true,
            }),
            b'[' => frames.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = frames.last_mut() {
                    *expect_key = false;
                }
            }
            b'"' => {
                let end = string_end(bytes, i);
                if let Some(Frame::Object { key, expect_key: true }) = frames.last_mut() {
                    *key = Some(serde_json::from_str(&json[i..end.min(bytes.len())]).unwrap_or_default());
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
            Frame::Object { key: None, .. } => {}
        }
    }
    path
}

enum Frame {
    /// `key` is the last key read; `expect_key` is true between `{` or `,` and the next key.
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    Array {
        index: usize,
    },
}

/// Index just past the closing quote of the string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn byte_offset(json: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        n => json.match_indices('\n').nth(n - 2).map_or(json.len(), |(at, _)| at + 1),
    };
    (line_start + column).min(json.len())
}

#[cfg(test)]
mod tests {
    use super::path_at;
    use crate::catalogue::Clinic;

    /// The path serde_json's error position points at, for a clinic record.
    fn failing_path(json: &str) -> String {
        let e = serde_json::from_str::<Clinic>(json).expect_err("the record should not parse");
        path_at(json, e.line(), e.column())
    }

    const GOOD: &str = r#""id": "a", "name": "A", "location": {"town": "T", "country": "GB", "lat": 1.0}"#;

    #[test]
    fn names_the_field_nested_field_and_list_item() {
        assert_eq!(
            failing_path(r#"{"id": "a", "name": "A", "location": {"town": "T", "country": "GB", "lat": "north"}}"#),
            "location.lat"
        );
        assert_eq!(
            failing_path(&format!(r#"{{{GOOD}, "therapies": ["cbt", 5]}}"#)),
            "therapies[1]"
        );
        assert_eq!(failing_path(&format!(r#"{{{GOOD}, "therapies": "cbt"}}"#)), "therapies");
        assert_eq!(
            failing_path(&format!(r#"{{{GOOD}, "answers": {{"cost": 3}}}}"#)),
            "answers.cost"
        );
        assert_eq!(
            failing_path(&format!(
                r#"{{{GOOD}, "medications": [{{"code": "x"}}, {{"code": "y", "forms": [1]}}]}}"#
            )),
            "medications[1].forms[0]"
        );
    }

    #[test]
    fn a_missing_field_is_reported_at_the_object_that_lacks_it() {
        assert_eq!(
            failing_path(r#"{"id": "a", "location": {"town": "T", "country": "GB"}}"#),
            ""
        );
        assert_eq!(
            failing_path(r#"{"id": "a", "name": "A", "location": {"country": "GB"}}"#),
            "location"
        );
    }

    #[test]
    fn keys_with_escapes_and_pretty_printed_records() {
        let json = "{\n  \"id\": \"a\",\n  \"name\": \"A \\\" , [ {\",\n  \"location\": {\n    \"town\": \"T\",\n    \"country\": \"GB\",\n    \"lat\": true\n  }\n}";
        assert_eq!(failing_path(json), "location.lat");
        assert_eq!(path_at(r#"{"a\"b": [1, {"c": x}]}"#, 1, 19), "a\"b[1].c");
    }
}
