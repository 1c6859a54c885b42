// The family's path in Spanish (lang="es"), found by Spanish roles and names: buprenorfina, a
// shortlist of three, the comparison, the questions and the emergency panel; a place looked up
// ("Cerca de" a ZIP, a Springfield to choose, a postcode not found); axe-core on each view;
// the switch to English and back keeps the shortlist; the catalogue's own texts in Spanish where
// it has them; a missing or broken Spanish file shows English with a message, never a blank widget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, urlOf, openPage, sampleCatalogue, repoPath, eventually, expectNoAxeViolations } from "./harness.mjs";

const suite = useBrowserAndServer();
const PAGE = "/site/spanish.html";


const shot = (page, name) => page.screenshot({ path: repoPath(`target/e2e-es-${name}.png`), fullPage: true });
const clinics = sampleCatalogue().clinics;
const offers = (c, med) => (c.medications || []).some((m) => m.code === med && m.purpose !== "detox");
const withBup = clinics.filter((c) => offers(c, "buprenorphine")).length;
const shortlist = (page) => page.locator(".cc-col-name").allTextContents();

test("a Spanish-speaking family filters by buprenorfina, compares three, reads the questions and the emergency panel", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, PAGE), { viewport: { width: 360, height: 740 } });
  await page.getByText(/^\d+ clínicas?$/).waitFor();
  assert.equal(await page.locator(".cc-app").getAttribute("lang"), "es-US");
  await expectNoAxeViolations(page, "buscar");
  await shot(page, "find");

  await page.getByRole("button", { name: /^Filtros/ }).click();
  await page.getByRole("checkbox", { name: /^Buprenorfina \(\d+\)$/ }).check();
  const show = page.getByRole("button", { name: /^Mostrar \d+ clínicas?$/ });
  assert.equal(await show.textContent(), `Mostrar ${withBup} clínica${withBup === 1 ? "" : "s"}`);
  // The explanation is the Spanish one.
  const help = page.getByRole("button", { name: "¿Qué es esto? Buprenorfina", exact: true });
  await help.click();
  const explanation = page.locator(`#${await help.getAttribute("aria-controls")}`);
  await eventually(() => explanation.isVisible(), true);
  assert.match(await explanation.textContent(), /medicamento/i);
  await expectNoAxeViolations(page, "filtros");
  await shot(page, "filters");
  await show.click();

  const names = (await page.locator(".cc-card-name").allTextContents()).slice(0, 3);
  for (const name of names) await page.getByRole("button", { name: `Comparar ${name}`, exact: true }).click();
  await page.getByRole("button", { name: "Comparar (3)" }).click();
  await page.getByRole("heading", { name: "Comparando 3 clínicas", level: 2 }).waitFor();
  assert.deepEqual(await shortlist(page), names);
  await page.getByRole("checkbox", { name: "Mostrar solo las diferencias" }).check();
  await page.getByRole("region", { name: "Tabla de comparación; se desliza hacia los lados" }).waitFor();
  await expectNoAxeViolations(page, "comparar");
  await shot(page, "compare");

  await page.getByRole("button", { name: "Preguntas para hacer" }).click();
  await page.getByRole("heading", { name: "Preguntas para hacer", level: 2 }).waitFor();
  await page.getByRole("checkbox", { name: /^Ya pregunté/ }).first().check();
  await page.getByRole("textbox", { name: /^Sus notas sobre / }).first().fill("Llaman mañana");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copiar como texto" }).click();
  await page.getByRole("status").filter({ hasText: "Copiado." }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Preguntas para hacer\n/);
  assert.match(copied, /Mis notas: Llaman mañana/);
  assert.match(copied, /oprima 2 para español/);
  await expectNoAxeViolations(page, "preguntas");
  await shot(page, "questions");

  await page.locator("summary", { hasText: "¿Emergencia? Señales de sobredosis" }).click();
  const panel = page.locator(".cc-emergency-body");
  await panel.waitFor({ state: "visible" });
  const text = await panel.textContent();
  for (const needle of ["llame al ", "911", "988", "oprima 2 para español", "1-800-662-4357", "SAMHSA", "naloxona"]) {
    assert.ok(text.includes(needle), `${needle} in the emergency panel`);
  }
  await expectNoAxeViolations(page, "emergencia");
  await shot(page, "emergency");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("a Spanish-speaking family finds the nearest services from a ZIP, picks their Springfield, and reads why a place is not found", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, PAGE), { viewport: { width: 360, height: 740 } });
  await page.getByText(/^\d+ clínicas?$/).waitFor();
  const box = page.getByRole("textbox", { name: "Cerca de (ciudad o código postal)" });
  const search = async (text) => {
    await box.fill(text);
    await page.getByRole("button", { name: "Buscar", exact: true }).click();
  };
  await search("90210");
  await page.locator(".cc-chip", { hasText: "Más cerca de 90210 (Beverly Hills, Los Angeles County, CA)" }).waitFor();
  const shown = await page.locator(".cc-distance").allTextContents();
  assert.ok(shown.length >= 3 && shown.every((t) => /millas?/.test(t)), shown.join(" | "));
  const miles = shown.map((t) => parseFloat(t.replace(/,/g, "")));
  assert.deepEqual([...miles].sort((a, b) => a - b), miles, `nearest first: ${miles}`);

  await search("Springfield");
  const group = page.getByRole("group", { name: "¿A qué Springfield se refiere?" });
  await group.waitFor();
  await expectNoAxeViolations(page, "elegir lugar");
  await shot(page, "place-choice");
  await group.getByRole("button", { name: "Springfield (Hampden County, MA)" }).click();
  await page.locator(".cc-chip", { hasText: "Más cerca de Springfield (Hampden County, MA)" }).waitFor();
  assert.equal(await group.count(), 0, "the question goes");

  await search("ZZ9 9ZZ");
  await page.getByText("No encontramos el código postal del Reino Unido “ZZ9 9ZZ”").waitFor();
  await search("Qwxyzzy");
  await page.getByText("No encontramos “Qwxyzzy”").waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("the switch goes to English and back, keeping the shortlist, and is remembered only when kept", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, PAGE), { viewport: { width: 1280, height: 900 } });
  await page.getByText(/^\d+ clínicas?$/).waitFor();
  const spanish = page.getByRole("button", { name: "Español" });
  const english = page.getByRole("button", { name: "English" });
  assert.equal(await spanish.getAttribute("aria-pressed"), "true");
  const names = (await page.locator(".cc-card-name").allTextContents()).slice(0, 2);
  for (const name of names) await page.getByRole("button", { name: `Comparar ${name}`, exact: true }).click();

  await english.click();
  await page.getByRole("button", { name: "Compare (2)" }).waitFor();
  assert.equal(await english.getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("clinic-compare").getAttribute("lang"), "en-US");
  await page.getByText(/^\d+ clinics?$/).waitFor();
  await expectNoAxeViolations(page, "English");
  await page.getByRole("button", { name: "Compare (2)" }).click();
  assert.deepEqual(await shortlist(page), names);

  await spanish.click();
  await page.getByRole("heading", { name: "Comparando 2 clínicas", level: 2 }).waitFor();
  assert.deepEqual(await shortlist(page), names);
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing stored without opting in");

  // Kept on the device (the family's choice): the language comes back with the shortlist.
  await page.getByRole("button", { name: "Preguntas para hacer" }).click();
  await page.getByRole("checkbox", { name: "Guardar mi lista corta y mis notas en este dispositivo" }).check();
  await english.click();
  await page.getByRole("button", { name: "Compare (2)" }).waitFor();
  await eventually(() => page.evaluate(() => JSON.parse(Object.values(localStorage)[0] || "{}").language), "en-US");
  await page.reload();
  await page.getByRole("button", { name: "Compare (2)" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed"), "true");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("after a crash the message is in Spanish, from the text the widget left for the loader", async () => {
  const page = await openPage(suite.browser, urlOf(suite.server, PAGE), { viewport: { width: 360, height: 740 } });
  await page.getByText(/^\d+ clínicas?$/).waitFor();
  // A real trap in the widget's WebAssembly (as tests/e2e/crash.test.mjs makes one): its handle
  // points far beyond its memory, and an attribute change makes the loader call into it.
  await page.evaluate(() => {
    const element = document.querySelector("clinic-compare");
    element._widget.__wbg_ptr = 0xf0000000;
    element.setAttribute("units", "km");
  });
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /^Lo sentimos, el buscador de clínicas dejó de funcionar\./);
  await alert.getByRole("link", { name: "También puede abrir la lista de clínicas directamente." }).waitFor();
  await page.context().close();
});

test("a catalogue's own texts show in Spanish where it gives them, and as written elsewhere", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/\/clinics\.json$/, async (route) => {
    const response = await route.fetch();
    const catalogue = await response.json();
    catalogue.publisher.attribution = "Source: the county's own directory.";
    catalogue.extra_features = [{ code: "garden", label: "Garden" }, { code: "pool", label: "Pool" }];
    catalogue.clinics[0].extra_features = ["garden", "pool"];
    catalogue.translations = { es: { attribution: "Fuente: el directorio del condado.", "feature/garden": "Jardín" } };
    await route.fulfill({ response, json: catalogue });
  });
  const page = await context.newPage();
  await page.goto(urlOf(suite.server, PAGE));
  await page.getByText(/^\d+ clínicas?$/).waitFor();
  const footer = page.locator(".cc-footer");
  const option = (name) => page.getByRole("checkbox", { name, exact: true });
  await footer.getByText("Fuente: el directorio del condado.").waitFor();
  // A filter group shows its options once opened.
  await page.locator("summary", { hasText: "Otras características" }).click();
  await option("Jardín (1)").waitFor();
  await option("Pool (1)").waitFor();
  await page.getByRole("button", { name: "English" }).click();
  await footer.getByText("Source: the county's own directory.").waitFor();
  await option("Garden (1)").waitFor();
  assert.equal(await footer.getByText("Fuente").count(), 0);
  await context.close();
});

for (const [problem, answer] of [
  ["missing", { status: 404, body: "not here" }],
  ["broken", { status: 200, contentType: "application/json", body: "<html>not a glossary</html>" }],
]) {
  test(`a ${problem} Spanish file shows the finder in English, with a message`, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.route(/clinic-compare-glossary\.[0-9a-f]+\.es\.json$/, (route) => route.fulfill(answer));
    const page = await context.newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(urlOf(suite.server, PAGE));
    await page.getByText(/^\d+ clinics?$/).waitFor();
    await page.getByText(/The Spanish text could not be loaded/).waitFor();
    assert.equal(await page.locator(".cc-app").getAttribute("lang"), "en-US");
    // English explanations are there instead.
    await page.getByRole("button", { name: "Filters" }).click();
    assert.ok((await page.getByRole("button", { name: /^What is this\?/ }).count()) > 0);
    assert.ok(warnings.some((w) => /could not be loaded/.test(w)), warnings.join("\n"));
    await expectNoAxeViolations(page, `${problem} Spanish file`);
    await context.close();
  });
}
