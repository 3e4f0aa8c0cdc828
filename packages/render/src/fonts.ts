import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The four faces of the serif embedded in PDFs, and where they came from. */
export interface SerifFonts {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
  /** "system:Tinos", "system:Liberation Serif" or "npm:Tinos". */
  source: string;
}

const SYSTEM: Array<{ name: string; dir: string[]; files: [string, string, string, string] }> = [
  {
    name: "Tinos",
    dir: ["/usr/share/fonts/truetype/croscore"],
    files: ["Tinos-Regular.ttf", "Tinos-Bold.ttf", "Tinos-Italic.ttf", "Tinos-BoldItalic.ttf"],
  },
  {
    // Debian's fonts-liberation 1.x lacks ệ and ư: only the 2.x package (liberation2) is used.
    name: "Liberation Serif",
    dir: ["/usr/share/fonts/truetype/liberation2"],
    files: [
      "LiberationSerif-Regular.ttf",
      "LiberationSerif-Bold.ttf",
      "LiberationSerif-Italic.ttf",
      "LiberationSerif-BoldItalic.ttf",
    ],
  },
];

let cached: SerifFonts | null = null;

/**
 * A Times-metric serif with Vietnamese letters: Tinos or Liberation Serif from the system when
 * installed, else Tinos from the npm package @expo-google-fonts/tinos, so PDF works on a fresh
 * machine.
 */
export function findSerifFonts(): SerifFonts {
  if (cached) return cached;
  for (const family of SYSTEM) {
    for (const dir of family.dir) {
      const paths = family.files.map((f) => join(dir, f));
      if (paths.every((p) => existsSync(p))) {
        cached = {
          regular: paths[0]!,
          bold: paths[1]!,
          italic: paths[2]!,
          boldItalic: paths[3]!,
          source: `system:${family.name}`,
        };
        return cached;
      }
    }
  }
  cached = npmSerifFonts();
  return cached;
}

/** Tinos from the npm package @expo-google-fonts/tinos: present on every machine. */
export function npmSerifFonts(): SerifFonts {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@expo-google-fonts/tinos/package.json"));
  return {
    regular: join(root, "400Regular/Tinos_400Regular.ttf"),
    bold: join(root, "700Bold/Tinos_700Bold.ttf"),
    italic: join(root, "400Regular_Italic/Tinos_400Regular_Italic.ttf"),
    boldItalic: join(root, "700Bold_Italic/Tinos_700Bold_Italic.ttf"),
    source: "npm:Tinos",
  };
}

/** The four faces read once into memory. */
export interface SerifFontData {
  /** Identifies the files, for caches of their parsed form. */
  key: string;
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
  source: string;
}

const loaded = new Map<string, SerifFontData>();

/**
 * Reads the faces once; render-pdf.ts parses them once per process, keyed by `key`.
 */
export function loadSerifFonts(fonts: SerifFonts = findSerifFonts()): SerifFontData {
  const key = [fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic].join("|");
  let data = loaded.get(key);
  if (!data) {
    data = {
      regular: readFileSync(fonts.regular),
      bold: readFileSync(fonts.bold),
      italic: readFileSync(fonts.italic),
      boldItalic: readFileSync(fonts.boldItalic),
      source: fonts.source,
      key,
    };
    loaded.set(key, data);
  }
  return data;
}
