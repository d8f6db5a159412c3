// Screenshots as WebP (issue 17 item 4: the .vsix ≤ 1.5 MB). Chromium encodes them: the README's pictures and the
// walkthrough's (the same scenes) are ~80 kB each at quality 0.85 instead of ~160 kB PNG + ~115 kB JPEG, with text
// as sharp as the PNG at 1280 CSS pixels. Used by the screenshot endpoint (runSuite.ts); run on its own it converts
// existing PNG files:  tsx test/harness/webp.ts media/screenshots/*.png   (writes <name>.webp beside each)
import * as fs from 'fs';
import type { Page } from 'playwright-core';

/** WebP quality (0–1) of the README and walkthrough pictures. */
export const webpQuality = 0.85;

/** Encodes a PNG as WebP in the page's Chromium (canvas.toDataURL). */
export async function pngToWebp(page: Page, png: Buffer, quality = webpQuality): Promise<Buffer> {
  // Page-side code as text: this file compiles without the DOM library.
  const dataUrl = await page.evaluate<string>(`(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${png.toString('base64')}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d').drawImage(image, 0, 0);
    return canvas.toDataURL('image/webp', ${JSON.stringify(quality)});
  })()`);
  if (!dataUrl.startsWith('data:image/webp;')) throw new Error('this Chromium cannot encode WebP (canvas.toDataURL fell back to PNG)');
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

async function convert(files: readonly string[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  const { findChromium } = await import('./setup');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found; install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const file of files) {
      const webp = await pngToWebp(page, fs.readFileSync(file));
      const out = file.replace(/\.png$/i, '.webp');
      fs.writeFileSync(out, webp);
      console.log(`${out}: ${(webp.length / 1000).toFixed(0)} kB (PNG ${(fs.statSync(file).size / 1000).toFixed(0)} kB)`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0 || files.some((f) => !/\.png$/i.test(f) || !fs.existsSync(f))) {
    console.error('usage: tsx test/harness/webp.ts <file.png>... (existing PNG files; writes <file>.webp beside each)');
    process.exit(2);
  }
  convert(files).catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
