//! Minifies the widget's styles (`www/widget.css`) for the wasm, which carries them: comments and
//! layout whitespace go (−0.6 KB brotli of what every page downloads). The readable file stays the
//! source; a browser test checks both parse to the same rules.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=www/widget.css");
    let css = fs::read_to_string("www/widget.css").expect("www/widget.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// Drops comments, turns each run of whitespace into one space, and drops the spaces beside
/// `{ } ; >`, before `,` and after `:` (never meaningful there). The space after a comma stays:
/// browsers keep values with `var()` as written. Quoted strings are copied as they are.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
                while let Some(s) = chars.next() {
                    out.push(s);
                    if s == '\\' {
                        out.extend(chars.next());
                    } else if s == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for s in chars.by_ref() {
                    if last == '*' && s == '/' {
                        break;
                    }
                    last = s;
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out.replace(";}", "}").trim().to_string()
}

/// Writes a pending space before `next`, unless either side makes it meaningless.
fn flush_space(out: &mut String, space: &mut bool, next: char) {
    let needed =
        !matches!(next, '{' | '}' | ';' | ',' | '>') && !out.is_empty() && !out.ends_with(['{', '}', ';', '>', ':']);
    if std::mem::take(space) && needed {
        out.push(' ');
    }
}
