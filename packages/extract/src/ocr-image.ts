/**
 * Page images for text recognition, as plain pixel arrays: what the recogniser reads (grey, with
 * coloured ink faded out: a red seal, a blue signature or a handwritten number do not hide the
 * print under them), and what the blanks are checked against (ink of any colour but red, the
 * colour of stamps). Turning, deskewing, measuring ink in a box. No dependencies: the arrays come
 * from the renderer (ocr-render.ts) and go to the recogniser as PGM.
 */

export interface GrayImage {
  width: number;
  height: number;
  /** One byte a pixel, 0 black .. 255 white, row by row. */
  data: Uint8Array;
}

/**
 * From RGB (3 bytes a pixel) or grey (1 byte) samples: `print`, black and grey only (a pixel's
 * colourfulness lightens it, so red seals, blue ink and coloured stamps fade to white), and
 * `ink`, darkness in any colour but the reds of stamps and seals.
 */
export function splitInk(
  samples: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: number,
): { print: GrayImage; ink: GrayImage } {
  const n = width * height;
  const print = new Uint8Array(n);
  if (channels === 1) {
    print.set(samples.subarray(0, n));
    return { print: { width, height, data: print }, ink: { width, height, data: print } };
  }
  const ink = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = samples[j]!;
    const g = samples[j + 1]!;
    const b = samples[j + 2]!;
    print[i] = printLevel(r, g, b);
    const lum = (r * 77 + g * 150 + b * 29) >> 8;
    const red = r > g + 50 && r > b + 50;
    ink[i] = red ? 255 : lum;
  }
  return { print: { width, height, data: print }, ink: { width, height, data: ink } };
}

/** A pixel of `print` (splitInk) from its red, green and blue. */
function printLevel(r: number, g: number, b: number): number {
  const max = r > g ? (r > b ? r : b) : g > b ? g : b;
  const min = r < g ? (r < b ? r : b) : g < b ? g : b;
  const sat = max - min;
  // Colourless pixels keep their lightness; colour fades them (JPEG noise around black print
  // has a little colour: it is let through).
  const p = sat < 40 ? max : max + (sat - 40) * 3;
  return p > 255 ? 255 : p;
}

/** Pixels inkShare looks at: one in INK_STEP. */
const INK_STEP = 7;

/**
 * inkShare of splitInk's `print`, straight from the samples: whether a page is blank, without
 * making the page's two grey images (a blank page's are thrown away).
 */
export function printInkShare(
  samples: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: number,
  threshold = 128,
): number {
  const n = width * height;
  let dark = 0;
  let seen = 0;
  for (let i = 0; i < n; i += INK_STEP, seen++) {
    const j = i * channels;
    const p =
      channels === 1 ? samples[j]! : printLevel(samples[j]!, samples[j + 1]!, samples[j + 2]!);
    if (p < threshold) dark++;
  }
  return seen ? dark / seen : 0;
}

/** Binary PGM (P5): Leptonica reads it without decoding work. */
export function toPgm(image: GrayImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(head.length + image.data.length);
  out.set(head, 0);
  out.set(image.data, head.length);
  return out;
}

/** Turned clockwise by 90, 180 or 270 degrees. */
export function rotateQuarter(image: GrayImage, degrees: 0 | 90 | 180 | 270): GrayImage {
  if (degrees === 0) return image;
  const { width: w, height: h, data } = image;
  if (degrees === 180) {
    const out = new Uint8Array(w * h);
    for (let i = 0, n = w * h; i < n; i++) out[i] = data[n - 1 - i]!;
    return { width: w, height: h, data: out };
  }
  const out = new Uint8Array(w * h);
  // New image is h wide, w high.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const v = data[row + x]!;
      // 90° clockwise: (x, y) -> (h - 1 - y, x); 270°: (x, y) -> (y, w - 1 - x).
      if (degrees === 90) out[x * h + (h - 1 - y)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { width: h, height: w, data: out };
}

/** Turned by `degrees` (small, either way) about the centre, white where nothing maps. */
export function rotateSmall(image: GrayImage, degrees: number): GrayImage {
  if (Math.abs(degrees) < 0.05) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Source of (x, y): the inverse rotation, stepped along the row.
    let sx = cos * -cx + sin * dy + cx;
    let sy = -sin * -cx + cos * dy + cy;
    const row = y * w;
    for (let x = 0; x < w; x++, sx += cos, sy -= sin) {
      const ix = sx | 0;
      const iy = sy | 0;
      if (sx < 0 || sy < 0 || ix >= w - 1 || iy >= h - 1) {
        out[row + x] = 255;
        continue;
      }
      const fx = sx - ix;
      const fy = sy - iy;
      const i = iy * w + ix;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[row + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
}

/** A dark-pixel threshold between paper and print (Otsu's, on a sample of the pixels). */
export function darkThreshold(image: GrayImage): number {
  const hist = new Float64Array(256);
  const step = Math.max(1, Math.floor(image.data.length / 400_000));
  let total = 0;
  for (let i = 0; i < image.data.length; i += step) {
    hist[image.data[i]!]!++;
    total++;
  }
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  // Otsu's split puts `threshold` itself on the dark side, and callers count pixels below the
  // value returned: one more (a 1-bit scan is 0 and 255 only, and 0 < 0 counted nothing). A
  // blank page has no second mode: keep the threshold in the dark half.
  return Math.min(threshold + 1, 160);
}

/** A scanner streak in one strip of rows: columns [x0, x1] dark over rows [y0, y1). */
export interface Streak {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

const STRIP = 64;

/**
 * Scanner streaks: thin dark lines down the whole page, left by dirt on the scanner's glass or
 * sensor. They cut through every word they cross ("đơn v|ị"), and no print runs so: a table's
 * rules end at its margins, these run edge to edge (a streak may lean with the page, so it is
 * followed from strip to strip). Found on `image`, they are cleared from every image of the page
 * with `clearStreaks`.
 */
export function findStreaks(image: GrayImage): Streak[] {
  const { width: w, height: h, data } = image;
  const threshold = darkThreshold(image);
  const strips = Math.floor(h / STRIP);
  if (strips < 8 || w < 200) return [];
  const maxWidth = Math.max(4, Math.round(w * 0.006));
  const drift = 3;
  // Per strip, the runs of columns that are dark over nearly every row of the strip.
  const runs: Array<Array<[number, number]>> = [];
  const counts = new Uint16Array(w);
  for (let k = 0; k < strips; k++) {
    counts.fill(0);
    for (let y = k * STRIP; y < (k + 1) * STRIP; y++) {
      const row = y * w;
      for (let x = 0; x < w; x++) if (data[row + x]! < threshold) counts[x]!++;
    }
    const found: Array<[number, number]> = [];
    for (let x = 0; x < w;) {
      if (counts[x]! < STRIP * 0.9) {
        x++;
        continue;
      }
      let e = x;
      while (e + 1 < w && counts[e + 1]! >= STRIP * 0.9) e++;
      if (e - x + 1 <= maxWidth) found.push([x, e]);
      x = e + 1;
    }
    runs.push(found);
  }
  // Follow each run of the first strips down the page; a streak misses a few strips at most
  // (where it fades or print lies across it) and covers 85% of them.
  const streaks: Streak[] = [];
  const used = runs.map((r) => new Uint8Array(r.length));
  for (let start = 0; start < strips; start++) {
    for (let i = 0; i < runs[start]!.length; i++) {
      if (used[start]![i]) continue;
      let [a, b] = runs[start]![i]!;
      const chain: Array<[number, number, number]> = [[start, a, b]];
      let missed = 0;
      for (let k = start + 1; k < strips && missed <= strips * 0.15; k++) {
        const j = runs[k]!.findIndex(([x0, x1]) => x0 <= b + drift && x1 >= a - drift);
        if (j === -1) {
          missed++;
          continue;
        }
        [a, b] = runs[k]![j]!;
        chain.push([k, a, b]);
      }
      if (chain.length < strips * 0.85) continue;
      for (const [k, x0, x1] of chain) {
        const j = runs[k]!.findIndex(([c0, c1]) => c0 === x0 && c1 === x1);
        if (j >= 0) used[k]![j] = 1;
        streaks.push({ y0: k * STRIP, y1: (k + 1) * STRIP, x0, x1 });
      }
      // The strips the streak crossed without being found (print across it): the neighbours'.
      for (let n = 1; n < chain.length; n++) {
        const [k0, a0, b0] = chain[n - 1]!;
        const [k1] = chain[n]!;
        for (let k = k0 + 1; k < k1; k++)
          streaks.push({ y0: k * STRIP, y1: (k + 1) * STRIP, x0: a0, x1: b0 });
      }
    }
  }
  return streaks;
}

/**
 * The streaks painted over with what lies either side of them, row by row: a stroke that crosses
 * the streak stays whole, paper stays paper.
 */
export function clearStreaks(image: GrayImage, streaks: Streak[]): GrayImage {
  if (!streaks.length) return image;
  const { width: w, data: src } = image;
  const data = new Uint8Array(src);
  for (const { y0, y1, x0, x1 } of streaks) {
    const a = Math.max(0, x0 - 1);
    const b = Math.min(w - 1, x1 + 1);
    for (let y = y0; y < y1; y++) {
      const row = y * w;
      const left = src[row + a]!;
      const right = src[row + b]!;
      for (let x = x0; x <= x1; x++) {
        const f = (x - a) / (b - a);
        data[row + x] = Math.round(left + (right - left) * f);
      }
    }
  }
  return { ...image, data };
}

/** Dark pixels of a reduced copy (one cell per `factor`² pixels), as a 0/1 array. */
function reducedDark(image: GrayImage, factor: number, threshold: number) {
  const w = Math.floor(image.width / factor);
  const h = Math.floor(image.height / factor);
  const out = new Uint8Array(w * h);
  const need = Math.max(1, Math.floor((factor * factor) / 6));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let dark = 0;
      for (let yy = 0; yy < factor; yy++) {
        const row = (y * factor + yy) * image.width + x * factor;
        for (let xx = 0; xx < factor; xx++) if (image.data[row + xx]! < threshold) dark++;
      }
      out[y * w + x] = dark >= need ? 1 : 0;
    }
  }
  return { w, h, dark: out };
}

/** Share of the page's pixels that are dark: a blank page has next to none. */
export function inkShare(image: GrayImage, threshold = 128): number {
  let dark = 0;
  let n = 0;
  for (let i = 0; i < image.data.length; i += INK_STEP, n++) if (image.data[i]! < threshold) dark++;
  return n ? dark / n : 0;
}

/**
 * Clears the ruling of tables and frames (long straight runs of dark cells) from a reduced page:
 * a table's vertical lines would make the column profile look like lines of text.
 */
function clearRules(dark: Uint8Array, w: number, h: number): void {
  const rule = new Uint8Array(dark.length);
  const longV = Math.max(8, Math.round(h * 0.03));
  const longH = Math.max(12, Math.round(w * 0.08));
  markRuns(dark, rule, { lines: w, across: 1, length: h, along: w }, longV); // down each column
  markRuns(dark, rule, { lines: h, across: w, length: w, along: 1 }, longH); // along each row
  for (let i = 0; i < dark.length; i++) if (rule[i]) dark[i] = 0;
}

/**
 * Marks in `rule` the runs of dark cells at least `min` long on each of `lines` lines of a
 * row-major grid: line n starts at cell n * across and steps by `along`, `length` cells.
 */
function markRuns(
  dark: Uint8Array,
  rule: Uint8Array,
  grid: { lines: number; across: number; length: number; along: number },
  min: number,
): void {
  const { lines, across, length, along } = grid;
  for (let n = 0; n < lines; n++) {
    const start = n * across;
    for (let i = 0; i < length;) {
      if (!dark[start + i * along]) {
        i++;
        continue;
      }
      let e = i;
      while (e < length && dark[start + e * along]) e++;
      if (e - i >= min) for (let k = i; k < e; k++) rule[start + k * along] = 1;
      i = e;
    }
  }
}

export interface PageGeometry {
  /** Text runs across (0) or down the page (90: the page must be turned a quarter). */
  quarter: 0 | 90;
  /** Skew in degrees, for `rotateSmall` to undo. */
  skew: number;
}

/**
 * Which way the lines run and how far they lean, from projection profiles of a reduced copy:
 * rows of text give a row profile of sharp peaks and valleys at the right angle, and a smooth one
 * across or askew. Upside down reads the same here: the recogniser's confidence tells (ocr-page).
 */
export function measureGeometry(image: GrayImage, maxSkew = 6): PageGeometry {
  const factor = Math.max(1, Math.round(Math.min(image.width, image.height) / 620));
  const threshold = darkThreshold(image);
  const { w, h, dark } = reducedDark(image, factor, threshold);
  clearRules(dark, w, h);
  const points: number[] = [];
  // Leave out the edges: scanner borders and punched holes are no text.
  const mx = Math.floor(w * 0.04);
  const my = Math.floor(h * 0.04);
  for (let y = my; y < h - my; y++)
    for (let x = mx; x < w - mx; x++) if (dark[y * w + x]) points.push(x, y);
  if (points.length < 200) return { quarter: 0, skew: 0 };
  const score = (angle: number, across: boolean): number => {
    const t = Math.tan((angle * Math.PI) / 180);
    const size = across ? h + w : w + h;
    const bins = new Float64Array(size * 2);
    for (let i = 0; i < points.length; i += 2) {
      const x = points[i]!;
      const y = points[i + 1]!;
      const v = across ? y - x * t : x + y * t;
      const b = Math.round(v) + size;
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  const search = (across: boolean): { angle: number; value: number } => {
    let best = { angle: 0, value: -1 };
    for (let a = -maxSkew; a <= maxSkew + 1e-9; a += 0.5) {
      const v = score(a, across);
      if (v > best.value) best = { angle: a, value: v };
    }
    const coarse = best.angle;
    for (let a = coarse - 0.5; a <= coarse + 0.5 + 1e-9; a += 0.1) {
      const v = score(a, across);
      if (v > best.value) best = { angle: a, value: v };
    }
    return best;
  };
  const rows = search(true);
  const cols = search(false);
  // Rows of text: the row profile is far peakier than the column profile.
  if (cols.value > rows.value * 1.3) {
    // Lines run down the page: turn it a quarter (the caller tries both ways round); the lean is
    // measured again on the turned page.
    return { quarter: 90, skew: 0 };
  }
  return { quarter: 0, skew: Math.round(rows.angle * 100) / 100 };
}

/**
 * Ink in a box of the `ink` image: the share of its pixels darker than `threshold`, and the
 * height of the band they fill. A blank left for a handwritten number reads near 0.
 */
export function inkIn(
  image: GrayImage,
  box: { x0: number; y0: number; x1: number; y1: number },
  threshold = 150,
): { share: number; pixels: number } {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  let dark = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * image.width;
    for (let x = x0; x < x1; x++, n++) if (image.data[row + x]! < threshold) dark++;
  }
  return { share: n ? dark / n : 0, pixels: dark };
}

/** Adds noise (tests): `amount` of the pixels flipped to black or white, from a seeded generator. */
export function addNoise(image: GrayImage, amount: number, seed = 1): GrayImage {
  const out = new Uint8Array(image.data);
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const flips = Math.round(out.length * amount);
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(next() * out.length);
    out[at] = next() < 0.5 ? 0 : 255;
  }
  return { width: image.width, height: image.height, data: out };
}
