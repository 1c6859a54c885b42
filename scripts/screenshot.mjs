// Screenshots a page at phone and desktop sizes, for a person to look at:
//   node scripts/screenshot.mjs URL OUT-PREFIX   → OUT-PREFIX-phone.png, OUT-PREFIX-desktop.png
import { chromium } from "playwright-core";

const [url, prefix = "target/screenshot"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run"],
});
for (const [name, viewport] of [["phone", { width: 360, height: 740 }], ["desktop", { width: 1280, height: 900 }]]) {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: name === "phone" ? false : true });
  await page.close();
}
await browser.close();
