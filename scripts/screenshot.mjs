// Screenshots a page at phone and desktop sizes, for a person to look at:
//   node scripts/screenshot.mjs URL OUT-PREFIX   → OUT-PREFIX-phone.png, OUT-PREFIX-desktop.png
//   node scripts/screenshot.mjs URL OUT-PREFIX --place "SW1A 1AA"   the widget after a "Near" search
//   (in English or Spanish)
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const placeAt = args.indexOf("--place");
const place = placeAt >= 0 ? args.splice(placeAt, 2)[1] : null;
const [url, prefix = "target/screenshot"] = args;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run"],
});
for (const [name, viewport] of [["phone", { width: 360, height: 740 }], ["desktop", { width: 1280, height: 900 }]]) {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.waitForTimeout(1000);
  if (place !== null) {
    await page.getByRole("textbox", { name: /^(Near|Cerca de)/ }).fill(place);
    await page.getByRole("button", { name: /^(Search|Buscar)$/ }).click();
    // The answer: a chip, a choice of towns or a message (the place lookup may load files first).
    await page.locator(".cc-chip, .cc-place-choices, #cc-place-error:not(:empty)").first().waitFor();
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: name === "phone" ? false : true });
  await page.close();
}
await browser.close();
