// Renders the PNG and ICO icons from public/favicon.svg with headless Chromium,
// so the SVG stays the single source. Run after editing the SVG:
//   node --import tsx scripts/render-icons.ts
// Needs /usr/bin/chromium (Debian: apt-get install chromium).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
/** The mark's background colour: the full-bleed variants fill their edges with it. */
const BACKGROUND = '#134e4a';

interface Target {
  file: string;
  size: number;
  /** Full-bleed square with the mark scaled down, for platforms that crop their own shape. */
  fullBleed?: { markScale: number };
}

const targets: Target[] = [
  { file: 'icons/icon-192.png', size: 192 },
  { file: 'icons/icon-512.png', size: 512 },
  // Maskable: the launcher may cut down to a circle of 80 % diameter; the clock face
  // (about 2/3 of the mark) then stays inside it.
  { file: 'icons/icon-512-maskable.png', size: 512, fullBleed: { markScale: 0.95 } },
  // iOS rounds the corners itself and shows transparency as black: opaque, full bleed.
  { file: 'icons/apple-touch-icon.png', size: 180, fullBleed: { markScale: 1 } },
];
const icoSizes = [16, 32, 48];

function pageHtml(svg: string, size: number, fullBleed?: { markScale: number }): string {
  const mark = Math.round(size * (fullBleed?.markScale ?? 1));
  const offset = Math.round((size - mark) / 2);
  const bg = fullBleed ? BACKGROUND : 'transparent';
  const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return `<!doctype html><html><head><style>
    html, body { margin: 0; padding: 0; background: transparent; }
    #box { width: ${size}px; height: ${size}px; background: ${bg}; position: relative; }
    #box img { position: absolute; left: ${offset}px; top: ${offset}px; width: ${mark}px; height: ${mark}px; }
  </style></head><body><div id="box"><img src="${dataUrl}" alt=""></div></body></html>`;
}

/** An .ico that embeds PNG images (supported by every current browser and Windows since Vista). */
function packIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main(): Promise<void> {
  const svg = await readFile(new URL('favicon.svg', `file://${publicDir}`), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (size: number, fullBleed?: { markScale: number }): Promise<Buffer> => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(pageHtml(svg, size, fullBleed));
      await page.waitForFunction(() => {
        const img = document.querySelector('img');
        return img !== null && img.complete && img.naturalWidth > 0;
      });
      return page.locator('#box').screenshot({ omitBackground: !fullBleed, type: 'png' });
    };
    await mkdir(`${publicDir}icons`, { recursive: true });
    for (const t of targets) {
      await writeFile(`${publicDir}${t.file}`, await render(t.size, t.fullBleed));
      console.log(`wrote public/${t.file}`);
    }
    const ico: { size: number; png: Buffer }[] = [];
    for (const size of icoSizes) ico.push({ size, png: await render(size) });
    await writeFile(`${publicDir}favicon.ico`, packIco(ico));
    console.log('wrote public/favicon.ico');
  } finally {
    await browser.close();
  }
}

await main();
