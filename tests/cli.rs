//! The site owner's CLI, run as a site owner would, and the committed schema kept up to date.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-catalogue"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-catalogue-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalogue.schema.json")).unwrap();
    assert!(
        committed.trim() == clinic_compare::catalogue::schema_json().trim(),
        "data/catalogue.schema.json is out of date: run `cargo run --bin clinic-catalogue -- schema > data/catalogue.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    let examples = &schema["$defs"]["Clinic"]["properties"]["therapies"]["items"]["examples"];
    assert!(
        examples.as_array().is_some_and(|e| e.iter().any(|c| c == "cbt")),
        "editors are offered the codes"
    );
    let (code, stdout, _) = run(&["schema"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), committed.trim());
}

#[test]
fn the_sample_catalogue_validates_cleanly() {
    let (code, stdout, stderr) = run(&["validate", concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json")]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
}

#[test]
fn validate_reports_by_record_and_fails_on_errors() {
    let bad = r#"{"schema_version":1,"publisher":{"name":"T","updated":"2026-01-01"},"clinics":[
        {"id":"ok","name":"Fine","location":{"town":"York","country":"GB"}},
        {"id":"bad","name":"Broken","location":{"town":"York","country":"GB","lat":"north"}}]}"#;
    let path = temp_file("bad.json", bad.as_bytes());
    let (code, stdout, _) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Clinic #2 (bad):"), "{stdout}");
    assert!(stdout.contains("clinics[1].location.lat"), "{stdout}");
    assert!(stdout.contains("1 clinics loaded, 1 error"), "{stdout}");

    let (code, stdout, _) = run(&["validate", "--json", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["clinics_loaded"], 1);
    assert_eq!(report["diagnostics"][0]["path"], "clinics[1].location.lat");
    assert_eq!(report["diagnostics"][0]["record"]["id"], "bad");
}

#[test]
fn no_panic_on_any_input() {
    let dir = std::env::temp_dir();
    let cases: Vec<(String, &str)> = vec![
        (
            temp_file("utf16.json", &[0xFF, 0xFE, b'{', 0]).display().to_string(),
            "UTF-16",
        ),
        (
            temp_file("binary.json", &[0x00, 0x9F, 0x92, 0x96])
                .display()
                .to_string(),
            "not UTF-8",
        ),
        (temp_file("empty.json", b"").display().to_string(), "empty"),
        (dir.display().to_string(), "cannot read"),
        ("/no/such/file.json".to_string(), "cannot read"),
    ];
    for (path, needle) in cases {
        for sub in ["validate", "stats"] {
            let (code, stdout, stderr) = run(&[sub, &path]);
            assert_eq!(code, 1, "{sub} {path}");
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert!(
                format!("{stdout}{stderr}").contains(needle),
                "{sub} {path}: {stdout}{stderr}"
            );
        }
    }
}

#[test]
fn stats_counts_per_value() {
    let (code, stdout, _) = run(&["stats", concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json")]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("country:") && stdout.contains("medication:"),
        "{stdout}"
    );
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_clinic-catalogue"))
        .args(["stats", concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn places_reports_clinics_without_coordinates_and_fills_them() {
    let catalogue = r#"{"schema_version":1,"publisher":{"name":"T","updated":"2026-01-01"},"clinics":[
        {"id":"york","name":"Placed","location":{"town":"York","country":"GB","lat":53.96,"lon":-1.08}},
        {"id":"leeds","name":"By postcode","location":{"town":"Leeds","postcode":"LS1 4AP","country":"GB"}},
        {"id":"worcester","name":"By town","location":{"town":"Worcester","region":"MA","country":"US"}},
        {"id":"which","name":"Shared name","location":{"town":"Springfield","country":"US"}}]}"#;
    let path = temp_file("places.json", catalogue.as_bytes());
    let (code, stdout, _) = run(&["places", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("3 of 4 clinics have no usable coordinates"), "{stdout}");
    assert!(
        stdout.contains("Clinic #2 (leeds) By postcode: LS1 4AP, Leeds, GB"),
        "{stdout}"
    );
    assert!(
        stdout.contains("LS1 4 (") && stdout.contains("from the postcode sector centre"),
        "{stdout}"
    );
    assert!(stdout.contains("from the town centre"), "{stdout}");
    assert!(
        stdout.contains("not placed: ") && stdout.contains("give the county or state"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 can be placed (1 from a postcode sector, 1 from a town); 1 cannot"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Clinic #1 "),
        "a clinic with coordinates is not listed"
    );
    let out = path.with_file_name("places-filled.json");
    let (code, _, stderr) = run(&["places", path.to_str().unwrap(), "--fill", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("2 placed"), "{stderr}");
    let filled: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let lat = |i: usize| filled["clinics"][i]["location"]["lat"].as_f64();
    assert!(lat(1).is_some_and(|l| (l - 53.8).abs() < 0.02) && lat(2).is_some_and(|l| (l - 42.26).abs() < 0.05));
    assert_eq!(lat(3), None);
    let (code, _, _) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "the filled catalogue still validates");
    let (code, _, stderr) = run(&["places", "/no/such/file.json"]);
    assert!(code == 1 && stderr.contains("cannot read"), "{stderr}");
}
