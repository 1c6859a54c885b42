//! The README's layout table names every top-level folder of the repository (each folder in git,
//! hidden ones too), and every path it names exists.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// The first column of the README's "Layout" table, without backticks or a trailing `/`.
fn layout_paths(readme: &str) -> Vec<String> {
    let table = readme
        .split("\n## Layout\n")
        .nth(1)
        .expect("the README has a Layout section");
    table
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2) // the header and its rule
        .filter_map(|row| row.split('|').nth(1))
        .map(|cell| cell.trim().trim_matches('`').trim_end_matches('/').to_string())
        .collect()
}

#[test]
fn the_layout_table_lists_every_top_level_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let listed = layout_paths(&readme);
    assert!(listed.len() > 10, "{listed:?}");
    for path in &listed {
        assert!(
            root.join(path).exists(),
            "the README's layout names {path}, which is not there"
        );
    }
    // The folders git holds (a clean clone's), not build output or local leftovers.
    let files = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root)
        .output()
        .expect("git runs");
    assert!(files.status.success());
    let folders: BTreeSet<String> = String::from_utf8(files.stdout)
        .unwrap()
        .split('\0')
        .filter_map(|f| f.split_once('/').map(|(top, _)| top.to_string()))
        .collect();
    assert!(folders.contains("src") && folders.contains(".ci"), "{folders:?}");
    let covered = |folder: &str| {
        listed
            .iter()
            .any(|p| p == folder || p.starts_with(&format!("{folder}/")))
    };
    let missing: Vec<&String> = folders.iter().filter(|f| !covered(f)).collect();
    assert!(
        missing.is_empty(),
        "top-level folders the README's layout table does not list: {missing:?}"
    );
}
