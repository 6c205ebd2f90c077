// Renders every HTML report in a folder in headless Chromium, light and dark (PNG screenshots
// beside them, to look at), and runs axe-core in that browser on each: prints every violation
// and ends "axe: N pages, M violations"; exits 1 on any violation or a page that did not run.
// Usage: node check_reports.mjs CHROMIUM FOLDER
// No network and no browser download: Debian's chromium, and axe-core from npm ci here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [chromium, folder] = process.argv.slice(2);
if (!chromium || !folder) {
  console.error('usage: node check_reports.mjs CHROMIUM FOLDER');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const axePath = join(here, 'node_modules', 'axe-core', 'axe.min.js');
if (!existsSync(axePath)) {
  console.error(`${axePath} is missing: run "npm ci" in tests/browser (bash third_party/install-deps.sh does)`);
  process.exit(2);
}

// Chromium as root in a container, with the network closed: no sandbox, no GPU, nothing
// fetched in the background, and a fresh profile each run.
function chrome(args) {
  const profile = mkdtempSync(join(tmpdir(), 'continuum-chromium-'));
  try {
    return execFileSync(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars',
      `--user-data-dir=${profile}`, ...args,
    ], { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// axe runs inside the page: the report has no script of its own, so a copy gets axe and a
// runner that writes the result into the page for --dump-dom to read.
const runner = `<script src="${pathToFileURL(axePath)}"></script><script>
axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
  .then(r => {
    const out = document.createElement('pre');
    out.id = 'axe-result';
    out.textContent = JSON.stringify({
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      violations: r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })),
    });
    document.body.appendChild(out);
  });
</script>`;

const pages = readdirSync(folder).filter(f => f.endsWith('.html') && !f.endsWith('.axe.html')).sort();
if (pages.length === 0) {
  console.error(`no HTML reports in ${folder}`);
  process.exit(1);
}
let violations = 0, failed = 0;
for (const page of pages) {
  const file = join(folder, page);
  const html = readFileSync(file, 'utf8');
  const probe = file.replace(/\.html$/, '.axe.html');
  writeFileSync(probe, html.replace('</body>', `${runner}\n</body>`));
  for (const theme of ['light', 'dark']) {
    const themeArgs = theme === 'dark' ? ['--force-dark-mode'] : [];
    const png = file.replace(/\.html$/, `-${theme}.png`);
    chrome([...themeArgs, `--screenshot=${png}`, '--window-size=1100,1600', pathToFileURL(file).href]);
    if (!existsSync(png) || statSync(png).size < 5000) {
      console.log(`${page} (${theme}): no screenshot`);
      ++failed;
    }
    const dom = chrome([...themeArgs, '--allow-file-access-from-files', '--virtual-time-budget=15000',
                        '--dump-dom', pathToFileURL(probe).href]);
    const m = dom.match(/<pre id="axe-result">(.*?)<\/pre>/s);
    if (!m) {
      console.log(`${page} (${theme}): axe did not run`);
      ++failed;
      continue;
    }
    const result = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    if (result.dark !== (theme === 'dark')) {
      console.log(`${page}: the ${theme} theme was not applied`);
      ++failed;
    }
    for (const v of result.violations) {
      ++violations;
      console.log(`${page} (${theme}): ${v.id}: ${v.help} at ${v.nodes.join(', ')}`);
    }
    console.log(`${page} (${theme}): ${result.violations.length} violations`);
  }
  rmSync(probe, { force: true });
}
console.log(`axe: ${pages.length} pages, ${violations} violations${failed ? `, ${failed} failures` : ''}`);
process.exit(violations === 0 && failed === 0 ? 0 : 1);
