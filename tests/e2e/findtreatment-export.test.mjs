// The synthetic FindTreatment.gov export (scripts/make-findtreatment-export.py) keeps the real file's
// shape, and the committed fixture is exactly what the generator makes (so it can be regenerated).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPath } from "./harness.mjs";

const FIXTURE = "tests/fixtures/import/findtreatment-synthetic-ma-2025-08-19.csv";
const FIXTURE_ARGS = ["--fixture", "--state", "MA", "--sites", "358", "--seed", "1"];

function generate(args) {
  const dir = mkdtempSync(join(tmpdir(), "ft-export-"));
  try {
    const file = join(dir, "export.csv");
    execFileSync("python3", [repoPath("scripts/make-findtreatment-export.py"), ...args, "-o", file], { stdio: "ignore" });
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 fields of one line (no line breaks inside fields in this file). */
function fields(line) {
  const out = [];
  for (let i = 0; i <= line.length; ) {
    if (line[i] === '"') {
      let j = i + 1, text = "";
      for (; ; j++) {
        if (line[j] === '"' && line[j + 1] === '"') { text += '"'; j++; }
        else if (line[j] === '"') break;
        else text += line[j];
      }
      out.push({ text, quoted: true });
      i = j + 2;
    } else {
      const end = line.indexOf(",", i) === -1 ? line.length : line.indexOf(",", i);
      out.push({ text: line.slice(i, end), quoted: false });
      i = end + 1;
    }
  }
  return out;
}

function parse(bytes) {
  const text = bytes.toString("utf8");
  const lines = text.split("\r\n");
  const header = lines[0].split(",");
  const rows = lines.slice(1).map((l) => fields(l));
  return { text, header, names: header.map((h) => h.trim()), rows };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("the committed fixture is what the generator makes, byte for byte", () => {
  assert.ok(generate(FIXTURE_ARGS).equals(readFileSync(repoPath(FIXTURE))), `regenerate ${FIXTURE} with scripts/make-findtreatment-export.py ${FIXTURE_ARGS.join(" ")}`);
});

test("the fixture has the real export's shape", () => {
  const { text, header, names, rows } = parse(readFileSync(repoPath(FIXTURE)));
  assert.equal(header.length, 332);
  assert.equal(header[0], "    name1");
  assert.equal(header.at(-1), "n40 ");
  assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
  assert.ok(!text.endsWith("\n"), "no line end after the last row");
  assert.equal(rows.length, 662);
  for (const [i, row] of rows.entries()) {
    assert.equal(row.length, 332, `row ${i + 2} has 332 fields`);
    for (const [c, cell] of row.entries()) {
      if (cell.quoted) assert.ok(names[c] === "street2" && cell.text.includes(","), `row ${i + 2}: only street2 with a comma is quoted`);
      if (c >= 17) assert.ok(cell.text === "" || cell.text === "1", `row ${i + 2} ${names[c]}: a flag is 1 or empty`);
    }
    assert.match(row[0].text, /example/i);
    assert.match(row[6].text, /^0[12]\d{3}$/, "MA ZIPs keep their leading zero");
    assert.match(row[9].text, /^\d{3}-555-01\d\d( x\d{1,5})?$/);
  }
  const su = rows.filter((r) => r[16].text === "SU");
  assert.equal(su.length, 366);
  const col = (name) => names.indexOf(name);
  for (const code of names.slice(17)) {
    assert.ok(rows.some((r) => r[col(code)].text === "1"), `fixture mode sets ${code} on some row`);
  }
  // Each directory's own codes: antipsychotics only on MH rows, opioid medication only on SU rows.
  for (const r of rows) {
    if (r[16].text === "SU") for (const code of ["queti", "omh", "mh", "cit"]) assert.equal(r[col(code)].text, "", code);
    else for (const code of ["otp", "mm", "bu", "noe", "fem"]) assert.equal(r[col(code)].text, "", code);
  }
  const counts = rows.map((r) => r.slice(17).filter((c) => c.text === "1").length);
  assert.ok(Math.min(...counts) >= 19 && Math.max(...counts) <= 142, "19 to 142 flags a row");
  assert.ok(median(counts) >= 60 && median(counts) <= 76, `median flags ${median(counts)} near 68`);
  const noop = su.filter((r) => r[col("noop")].text === "1");
  assert.ok(noop.length > 0 && noop.every((r) => ["mm", "bu", "otp"].every((c) => r[col(c)].text === "")), "sites that do not treat OUD prescribe no OUD medication");
});

test("a national export spreads over many states, SU and MH rows of a site sharing name, street and town", () => {
  const { rows } = parse(generate(["--national", "--sites", "400", "--seed", "3"]));
  const states = new Set(rows.map((r) => r[5].text));
  assert.ok(states.size >= 30, `${states.size} states`);
  const key = (r) => [0, 2, 4].map((i) => r[i].text.toLowerCase()).join("|");
  const kinds = new Map();
  for (const r of rows) kinds.set(key(r), (kinds.get(key(r)) ?? "") + r[16].text);
  const pairs = [...kinds.values()].filter((k) => k.includes("SU") && k.includes("MH")).length;
  assert.ok(pairs > 150, `${pairs} sites in both directories`);
  for (const r of rows) {
    const [lat, lon] = [Number(r[14].text), Number(r[15].text)];
    assert.ok(lat > 17 && lat < 72 && lon < -64 && lon > -170, `plausible US coordinates ${lat},${lon}`);
  }
});
