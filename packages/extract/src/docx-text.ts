/**
 * A .docx read as a reader sees it, from its own XML (word/document.xml and the parts it points
 * to), walked as a stream: paragraphs and soft line breaks, tabs, list numbers Word draws
 * (numbering.xml), tables (a borderless two-column layout read column by column, others row by
 * row), text boxes (DrawingML and VML, once: the VML fallback copy is skipped), headers and footers
 * that carry more than a page number, footnotes and endnotes after the body. Deleted text
 * (tracked changes), hidden text and field codes are left out, as Word leaves them off the page.
 *
 * Every part is unpacked with a cap (zip-entry.ts) after the archive's declared sizes passed
 * checkDocxArchive; the text read is counted against maxTextChars as it is read.
 */
import type { ExtractLimits } from "./limits.ts";
import { readZipDirectory, type ZipEntry } from "./zip-directory.ts";
import { readZipEntry } from "./zip-entry.ts";
import { decodeXml, readRelationships, walkXml, type Relationship } from "./docx-xml.ts";
import {
  blockLines,
  meaningfulHeaderLine,
  formatListNumber,
  joinLines,
  noteLines,
  type WordBlock,
  type WordCell,
  type WordNote,
} from "./word-blocks.ts";

export class DocxReadError extends Error {
  constructor(
    readonly code: "UNREADABLE_DOCX" | "FILE_TOO_COMPLEX" | "TEXT_TOO_LONG",
    message: string,
  ) {
    super(message);
    this.name = "DocxReadError";
  }
}

/** Counts the characters read; past the limit the read stops. */
class Budget {
  used = 0;
  constructor(readonly max: number) {}
  add(n: number): void {
    this.used += n;
    if (this.used > this.max)
      throw new DocxReadError("TEXT_TOO_LONG", `The text is longer than ${this.max} characters.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Styles and numbering: what a paragraph's list number looks like, and which tables have rules.

interface Level {
  start: number;
  format: string;
  text: string;
  /** What follows the number: a tab (written as a space here), a space, or nothing. */
  suffix: string;
  legal: boolean;
}

interface StyleInfo {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  /** A table style's inside vertical border: true drawn, false none, null not said. */
  insideV: boolean | null;
}

interface Definitions {
  styles: Map<string, StyleInfo>;
  defaultParagraphStyle: string | null;
  defaultTableStyle: string | null;
  abstracts: Map<string, Map<number, Level>>;
  /** numId -> abstract id and the levels it overrides (start values, whole levels). */
  nums: Map<
    string,
    { abstractId: string; starts: Map<number, number>; levels: Map<number, Level> }
  >;
}

/** A border drawn on the page: not "none"/"nil", and not white. */
function visibleBorder(attrs: Map<string, string>): boolean {
  const val = attrs.get("val") ?? "";
  if (!val || val === "none" || val === "nil") return false;
  const color = (attrs.get("color") ?? "").toUpperCase();
  return color !== "FFFFFF";
}

function intAttr(attrs: Map<string, string>, name = "val"): number | null {
  const v = attrs.get(name);
  if (v === undefined) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}

function readStyles(xml: string, defs: Definitions): void {
  let current: StyleInfo | null = null;
  let type = "";
  const stack: string[] = [];
  walkXml(xml, {
    open(key, attrs) {
      const parent = stack[stack.length - 1];
      stack.push(key);
      if (key === "w:style") {
        type = attrs.get("type") ?? "";
        const id = attrs.get("styleId") ?? "";
        current = { basedOn: null, numId: null, ilvl: null, insideV: null };
        defs.styles.set(id, current);
        if (attrs.get("default") === "1" || attrs.get("default") === "true") {
          if (type === "paragraph") defs.defaultParagraphStyle = id;
          if (type === "table") defs.defaultTableStyle = id;
        }
        return;
      }
      if (!current) return;
      if (key === "w:basedOn" && parent === "w:style") current.basedOn = attrs.get("val") ?? null;
      else if (key === "w:numId" && parent === "w:numPr") current.numId = attrs.get("val") ?? null;
      else if (key === "w:ilvl" && parent === "w:numPr") current.ilvl = intAttr(attrs);
      else if (
        key === "w:insideV" &&
        parent === "w:tblBorders" &&
        stack[stack.length - 3] === "w:tblPr"
      )
        current.insideV = visibleBorder(attrs);
    },
    close(key) {
      stack.pop();
      if (key === "w:style") current = null;
    },
    text() {},
  });
}

function readNumbering(xml: string, defs: Definitions): void {
  let abstract: Map<number, Level> | null = null;
  let num: { abstractId: string; starts: Map<number, number>; levels: Map<number, Level> } | null =
    null;
  let level: Level | null = null;
  let levelIndex = 0;
  let overrideLevel = 0;
  const stack: string[] = [];
  walkXml(xml, {
    open(key, attrs) {
      const parent = stack[stack.length - 1];
      stack.push(key);
      switch (key) {
        case "w:abstractNum":
          abstract = new Map();
          defs.abstracts.set(attrs.get("abstractNumId") ?? "", abstract);
          return;
        case "w:num":
          num = { abstractId: "", starts: new Map(), levels: new Map() };
          defs.nums.set(attrs.get("numId") ?? "", num);
          return;
        case "w:abstractNumId":
          if (num && parent === "w:num") num.abstractId = attrs.get("val") ?? "";
          return;
        case "w:lvlOverride":
          overrideLevel = intAttr(attrs, "ilvl") ?? 0;
          return;
        case "w:startOverride":
          if (num) num.starts.set(overrideLevel, intAttr(attrs) ?? 1);
          return;
        case "w:lvl":
          levelIndex = intAttr(attrs, "ilvl") ?? 0;
          level = { start: 1, format: "decimal", text: "", suffix: "tab", legal: false };
          if (parent === "w:abstractNum" && abstract) abstract.set(levelIndex, level);
          else if (parent === "w:lvlOverride" && num) num.levels.set(overrideLevel, level);
          return;
      }
      if (!level || parent !== "w:lvl") return;
      if (key === "w:start") level.start = intAttr(attrs) ?? 1;
      else if (key === "w:numFmt") level.format = attrs.get("val") ?? "decimal";
      else if (key === "w:lvlText") level.text = attrs.get("val") ?? "";
      else if (key === "w:suff") level.suffix = attrs.get("val") ?? "tab";
      else if (key === "w:isLgl")
        level.legal = attrs.get("val") !== "0" && attrs.get("val") !== "false";
    },
    close(key) {
      stack.pop();
      if (key === "w:lvl") level = null;
      else if (key === "w:abstractNum") abstract = null;
      else if (key === "w:num") num = null;
    },
    text() {},
  });
}

/** List numbers as Word counts them while the document is read from the top. */
class Numberer {
  private counters = new Map<string, Array<number | undefined>>();
  constructor(private defs: Definitions) {}

  private level(numId: string, ilvl: number): Level | null {
    const num = this.defs.nums.get(numId);
    if (!num) return null;
    return num.levels.get(ilvl) ?? this.defs.abstracts.get(num.abstractId)?.get(ilvl) ?? null;
  }

  label(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    const lvl = this.level(numId, ilvl);
    if (!num || !lvl) return "";
    // A list that restarts its numbers counts on its own; the others continue their abstract list.
    const key = num.starts.size ? `n${numId}` : `a${num.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = [];
      this.counters.set(key, counts);
    }
    const startOf = (i: number) => num.starts.get(i) ?? this.level(numId, i)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let i = ilvl + 1; i < counts.length; i++) counts[i] = undefined;
    if (lvl.format === "bullet") {
      // Symbol-font bullets are private-use characters: print a bullet.
      const bullet =
        /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(lvl.text) && !/[\ue000-\uf8ff]/u.test(lvl.text);
      return `${bullet ? lvl.text : "•"}${lvl.suffix === "nothing" ? "" : " "}`;
    }
    if (lvl.format === "none" && !/%\d/.test(lvl.text)) {
      return lvl.text ? `${lvl.text}${lvl.suffix === "nothing" ? "" : " "}` : "";
    }
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const value = counts[i] ?? startOf(i);
      const format = lvl.legal ? "decimal" : (this.level(numId, i)?.format ?? "decimal");
      return formatListNumber(value, format);
    });
    if (!text) return "";
    return `${text}${lvl.suffix === "nothing" ? "" : " "}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The body: paragraphs, tables, text boxes.

interface ParagraphCtx {
  kind: "p";
  parts: string[];
  floats: WordBlock[];
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
}
interface ContainerCtx {
  kind: "container";
  key: string;
  blocks: WordBlock[];
  id: string;
  type: string;
}
interface TableCtx {
  kind: "table";
  rows: WordCell[][];
  borders: Array<Array<{ left: boolean; right: boolean }>>;
  styleId: string | null;
  insideV: boolean | null;
  grid: number[];
}
interface RowCtx {
  kind: "row";
  cells: WordCell[];
  borders: Array<{ left: boolean; right: boolean }>;
  column: number;
}
interface CellCtx {
  kind: "cell";
  blocks: WordBlock[];
  span: number;
  left: boolean;
  right: boolean;
}
type Ctx = ParagraphCtx | ContainerCtx | TableCtx | RowCtx | CellCtx;

const CONTAINERS = new Set([
  "w:body",
  "w:hdr",
  "w:ftr",
  "w:footnote",
  "w:endnote",
  "w:txbxContent",
]);

/** Elements whose content the page does not show: deletions, revision history, fallbacks. */
const SKIPPED = new Set([
  "w:del",
  "w:moveFrom",
  "w:pPrChange",
  "w:rPrChange",
  "w:tblPrChange",
  "w:trPrChange",
  "w:tcPrChange",
  "w:sectPrChange",
  "w:numberingChange",
  "w:tblGridChange",
  "mc:Fallback",
  "w:instrText",
  "w:delInstrText",
  "w:fldData",
  "w:rt", // ruby guide text above the base text
]);

interface PartContent {
  /** The top container's blocks (body, header, footer). */
  blocks: WordBlock[];
  /** Notes by id (footnotes.xml, endnotes.xml), with their type ("separator"...). */
  notes: Map<string, { type: string; blocks: WordBlock[] }>;
  /** Footnote and endnote references in the order they appear. */
  footnoteRefs: string[];
  endnoteRefs: string[];
}

function readPart(xml: string, defs: Definitions, numberer: Numberer, budget: Budget): PartContent {
  const result: PartContent = { blocks: [], notes: new Map(), footnoteRefs: [], endnoteRefs: [] };
  const names: string[] = [];
  const ctx: Ctx[] = [];
  const hidden: boolean[] = [];
  let skipFrom = -1;

  const top = () => ctx[ctx.length - 1];
  // The paragraph text goes to: the innermost one, unless a cell or a text box opened since.
  const paragraph = (): ParagraphCtx | null => {
    for (let i = ctx.length - 1; i >= 0; i--) {
      const c = ctx[i]!;
      if (c.kind === "p") return c;
      if (c.kind === "container" || c.kind === "cell") return null;
    }
    return null;
  };
  const container = (): ContainerCtx | CellCtx | null => {
    for (let i = ctx.length - 1; i >= 0; i--) {
      const c = ctx[i]!;
      if (c.kind === "container" || c.kind === "cell") return c;
    }
    return null;
  };
  const emit = (s: string) => {
    const p = paragraph();
    if (!p || hidden[hidden.length - 1]) return;
    budget.add(s.length);
    p.parts.push(s);
  };
  const pushBlock = (target: { blocks: WordBlock[] } | null, block: WordBlock) => {
    if (!target) return;
    const last = target.blocks[target.blocks.length - 1];
    // Runs of empty paragraphs are kept as one: they read as one blank line.
    if (block.kind === "p" && block.text === "" && last?.kind === "p" && last.text === "") return;
    if (block.kind === "p") budget.add(1);
    target.blocks.push(block);
  };
  const styleNumbering = (
    styleId: string | null,
  ): { numId: string | null; ilvl: number | null } => {
    let numId: string | null = null;
    let ilvl: number | null = null;
    let id = styleId ?? defs.defaultParagraphStyle;
    for (let guard = 0; id && guard < 20; guard++) {
      const s = defs.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return { numId, ilvl };
  };
  const tableRuled = (t: TableCtx): boolean => {
    let insideV = t.insideV;
    let id = t.styleId ?? defs.defaultTableStyle;
    for (let guard = 0; insideV === null && id && guard < 20; guard++) {
      const s = defs.styles.get(id);
      if (!s) break;
      insideV = s.insideV;
      id = s.basedOn;
    }
    if (insideV) return true;
    return t.borders.some((row) =>
      row.some((b, i) => (b.left && i > 0) || (b.right && i < row.length - 1)),
    );
  };

  walkXml(xml, {
    open(key, attrs) {
      const parent = names[names.length - 1];
      const grand = names[names.length - 2];
      names.push(key);
      if (skipFrom >= 0) return;
      if (SKIPPED.has(key)) {
        skipFrom = names.length - 1;
        return;
      }
      if (CONTAINERS.has(key)) {
        ctx.push({
          kind: "container",
          key,
          blocks: [],
          id: attrs.get("id") ?? "",
          type: attrs.get("type") ?? "",
        });
        return;
      }
      switch (key) {
        case "w:p":
          ctx.push({ kind: "p", parts: [], floats: [], styleId: null, numId: null, ilvl: null });
          return;
        case "w:r":
          hidden.push(false);
          return;
        case "w:vanish":
          if (parent === "w:rPr" && grand === "w:r" && hidden.length)
            hidden[hidden.length - 1] = attrs.get("val") !== "0" && attrs.get("val") !== "false";
          return;
        case "w:tab":
        case "w:ptab":
          if (parent === "w:r") emit("\t");
          return;
        case "w:br":
        case "w:cr":
          if (parent === "w:r") emit("\n");
          return;
        case "w:noBreakHyphen":
          if (parent === "w:r") emit("-");
          return;
        case "w:footnoteReference":
          result.footnoteRefs.push(attrs.get("id") ?? "");
          return;
        case "w:endnoteReference":
          result.endnoteRefs.push(attrs.get("id") ?? "");
          return;
        case "w:tbl":
          ctx.push({
            kind: "table",
            rows: [],
            borders: [],
            styleId: null,
            insideV: null,
            grid: [],
          });
          return;
        case "w:tr":
          ctx.push({ kind: "row", cells: [], borders: [], column: 0 });
          return;
        case "w:tc":
          ctx.push({ kind: "cell", blocks: [], span: 1, left: false, right: false });
          return;
      }
      const t = top();
      if (t?.kind === "p" && parent === "w:pPr" && key === "w:pStyle")
        t.styleId = attrs.get("val") ?? null;
      else if (t?.kind === "p" && parent === "w:numPr" && grand === "w:pPr") {
        if (key === "w:numId") t.numId = attrs.get("val") ?? null;
        else if (key === "w:ilvl") t.ilvl = intAttr(attrs);
      } else if (t?.kind === "table" && key === "w:tblStyle" && parent === "w:tblPr")
        t.styleId = attrs.get("val") ?? null;
      else if (t?.kind === "table" && key === "w:insideV" && parent === "w:tblBorders")
        t.insideV = visibleBorder(attrs);
      else if (t?.kind === "table" && key === "w:gridCol" && parent === "w:tblGrid")
        t.grid.push(Math.max(0, intAttr(attrs, "w") ?? 0));
      else if (t?.kind === "row" && key === "w:gridBefore" && parent === "w:trPr")
        t.column += Math.max(0, Math.min(64, intAttr(attrs) ?? 0));
      else if (t?.kind === "cell" && key === "w:gridSpan" && parent === "w:tcPr")
        t.span = Math.max(1, Math.min(64, intAttr(attrs) ?? 1));
      else if (t?.kind === "cell" && parent === "w:tcBorders") {
        if (key === "w:left" || key === "w:start") t.left ||= visibleBorder(attrs);
        else if (key === "w:right" || key === "w:end") t.right ||= visibleBorder(attrs);
        else if (key === "w:insideV") t.left ||= visibleBorder(attrs);
      }
    },
    close(key) {
      names.pop();
      if (skipFrom >= 0) {
        if (names.length === skipFrom) skipFrom = -1;
        return;
      }
      if (CONTAINERS.has(key)) {
        const c = ctx.pop() as ContainerCtx;
        if (key === "w:txbxContent") {
          // A text box: after the paragraph it is anchored in, else where it stands.
          const p = paragraph();
          if (p) p.floats.push(...c.blocks);
          else for (const b of c.blocks) pushBlock(container(), b);
        } else if (key === "w:footnote" || key === "w:endnote") {
          result.notes.set(c.id, { type: c.type, blocks: c.blocks });
        } else {
          result.blocks.push(...c.blocks);
        }
        return;
      }
      switch (key) {
        case "w:p": {
          const p = ctx.pop() as ParagraphCtx;
          let text = p.parts.join("");
          if (text.trim()) {
            const fromStyle = styleNumbering(p.styleId);
            const numId = p.numId ?? fromStyle.numId;
            const ilvl = p.ilvl ?? fromStyle.ilvl ?? 0;
            if (numId && numId !== "0") text = numberer.label(numId, ilvl) + text;
          }
          const target = container();
          pushBlock(target, { kind: "p", text });
          if (p.floats.length) {
            pushBlock(target, { kind: "p", text: "" });
            for (const b of p.floats) pushBlock(target, b);
            pushBlock(target, { kind: "p", text: "" });
          }
          return;
        }
        case "w:r":
          hidden.pop();
          return;
        case "w:t":
          return;
        case "w:tc": {
          const c = ctx.pop() as CellCtx;
          const row = top();
          if (row?.kind !== "row") return;
          row.cells.push({ blocks: c.blocks, column: row.column, span: c.span });
          row.borders.push({ left: c.left, right: c.right });
          row.column += c.span;
          return;
        }
        case "w:tr": {
          const r = ctx.pop() as RowCtx;
          const t = top();
          if (t?.kind !== "table") return;
          t.rows.push(r.cells);
          t.borders.push(r.borders);
          return;
        }
        case "w:tbl": {
          const t = ctx.pop() as TableCtx;
          pushBlock(container(), {
            kind: "table",
            rows: t.rows,
            ruled: tableRuled(t),
            grid: t.grid,
          });
          return;
        }
      }
    },
    text(s) {
      if (skipFrom >= 0) return;
      const name = names[names.length - 1];
      if (name === "w:t" || name === "m:t") emit(s);
    },
  });
  return result;
}

// ---------------------------------------------------------------------------------------------

export interface DocxText {
  text: string;
}

/** Reads the text of a .docx whose archive passed checkDocxArchive. Throws DocxReadError. */
export function readDocxText(bytes: Uint8Array, limits: ExtractLimits): DocxText {
  const dir = readZipDirectory(bytes, limits.maxDocxEntries);
  if (!dir.ok)
    throw new DocxReadError("UNREADABLE_DOCX", `The .docx file is damaged: ${dir.reason}.`);
  const entries = new Map<string, ZipEntry>();
  for (const e of dir.entries) entries.set(e.name.replace(/^\/+/, "").toLowerCase(), e);
  const part = (name: string): string | null => {
    const e = entries.get(name.toLowerCase());
    if (!e) return null;
    return decodeXml(readZipEntry(bytes, e, limits.maxDocxXmlBytes));
  };
  const folderOf = (name: string) => name.slice(0, name.lastIndexOf("/") + 1);
  const relsOf = (name: string): Relationship[] => {
    const xml = part(`${folderOf(name)}_rels/${name.slice(name.lastIndexOf("/") + 1)}.rels`);
    return xml ? readRelationships(xml, folderOf(name)) : [];
  };

  const rootRels = (() => {
    const xml = part("_rels/.rels");
    return xml ? readRelationships(xml, "") : [];
  })();
  const mainName =
    rootRels.find((r) => r.type === "officeDocument" && r.target)?.target ?? "word/document.xml";
  const main = part(mainName);
  if (main === null)
    throw new DocxReadError("UNREADABLE_DOCX", "The .docx file has no main document part.");
  const rels = relsOf(mainName);
  const target = (type: string) =>
    rels.filter((r) => r.type === type && r.target).map((r) => r.target!);

  const defs: Definitions = {
    styles: new Map(),
    defaultParagraphStyle: null,
    defaultTableStyle: null,
    abstracts: new Map(),
    nums: new Map(),
  };
  for (const name of target("styles")) {
    const xml = part(name);
    if (xml) readStyles(xml, defs);
  }
  for (const name of target("numbering")) {
    const xml = part(name);
    if (xml) readNumbering(xml, defs);
  }
  const budget = new Budget(limits.maxTextChars);
  const numberer = new Numberer(defs);
  const body = readPart(main, defs, numberer, budget);
  const lines = blockLines(body.blocks, true);

  // Headers and footers: only what is more than a page number, once each.
  const seen = new Set<string>();
  const extra: string[] = [];
  for (const name of [...target("header"), ...target("footer")]) {
    const xml = part(name);
    if (!xml) continue;
    const content = readPart(xml, defs, new Numberer(defs), budget);
    for (const line of blockLines(content.blocks, false)) {
      const key = line.trim();
      if (!meaningfulHeaderLine(key) || seen.has(key)) continue;
      seen.add(key);
      extra.push(line);
    }
  }
  if (extra.length) lines.push("", ...extra);

  const notesOf = (type: string, refs: string[]): WordNote[] => {
    const out: WordNote[] = [];
    const names = target(type);
    if (!names.length || !refs.length) return out;
    const all = new Map<string, { type: string; blocks: WordBlock[] }>();
    for (const name of names) {
      const xml = part(name);
      if (xml)
        for (const [id, n] of readPart(xml, defs, new Numberer(defs), budget).notes) all.set(id, n);
    }
    const used = new Set<string>();
    for (const id of refs) {
      const n = all.get(id);
      if (!n || used.has(id) || (n.type && n.type !== "normal")) continue;
      used.add(id);
      out.push({ mark: String(out.length + 1), blocks: n.blocks });
    }
    return out;
  };
  lines.push(...noteLines("Chú thích:", notesOf("footnotes", body.footnoteRefs)));
  lines.push(...noteLines("Chú thích cuối văn bản:", notesOf("endnotes", body.endnoteRefs)));
  return { text: joinLines(lines) };
}
