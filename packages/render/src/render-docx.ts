import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IContext,
  type IParagraphOptions,
} from "docx";
import type { Column, LayoutModel, Paragraph as LayoutParagraph, StyledLine } from "@vanthu/core";
import { componentXml, readZip, storedPart, writeZip } from "./docx-package.ts";

/** Twentieths of a point per millimetre (1 mm = 56.7 twips). */
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

function run(text: string, line: { style: StyledLine["style"] }, font: string): TextRun {
  return new TextRun({
    text,
    font,
    size: line.style.size * 2,
    bold: !!line.style.bold,
    italics: !!line.style.italic,
  });
}

function styledParagraph(
  line: StyledLine,
  font: string,
  extra: Partial<IParagraphOptions> = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[line.style.align],
    // A ruled line's space after goes under its rule (the next paragraph).
    spacing: {
      before: (line.spaceBefore ?? 0) * 20,
      after: line.ruleBelow ? 0 : (line.spaceAfter ?? 0) * 20,
    },
    children: [run(line.text, line, font)],
    ...extra,
  });
}

/** A line and, for ND30's short rules (issuer, motto subtitle, subject), the rule under it. */
function styledLines(
  line: StyledLine,
  font: string,
  columnTwips: number,
  extra: Partial<IParagraphOptions> = {},
): Paragraph[] {
  const text = styledParagraph(line, font, extra);
  if (!line.ruleBelow) return [text];
  return [text, ruleParagraph(line, columnTwips)];
}

/**
 * An empty paragraph whose bottom border is the rule: indented on both sides so that the rule is
 * about `ruleBelow` of the text long (the text itself keeps the whole column).
 */
function ruleParagraph(line: StyledLine, columnTwips: number): Paragraph {
  // A Times capital is about 0.62 em wide on average, a lower-case letter about 0.45 em.
  const em = line.style.size * 20;
  const upper = line.text === line.text.toUpperCase();
  const textWidth = Math.min(columnTwips, line.text.length * em * (upper ? 0.62 : 0.45));
  const rule = Math.max(600, textWidth * (line.ruleBelow ?? 1));
  const side = Math.max(0, Math.round((columnTwips - rule) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 60 + (line.spaceAfter ?? 0) * 20, line: 120 },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 4 })],
  });
}

function columnCell(
  column: Column,
  widthTwips: number,
  font: string,
  trailing: Paragraph[] = [],
): TableCell {
  const children = column.lines.flatMap((l) => styledLines(l, font, widthTwips));
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    // No side padding: the motto must fit on one line, as it does in the PDF.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    children: [...(children.length ? children : [new Paragraph("")]), ...trailing],
  });
}

function bodyParagraph(p: LayoutParagraph, font: string): Paragraph {
  return new Paragraph({
    alignment: ALIGN[p.style.align],
    indent: { firstLine: twips(p.firstLineIndent) },
    spacing: { after: p.spaceAfter * 20, line: Math.round(240 * p.lineHeight) },
    keepNext: !!p.keepWithNext,
    children: [
      new TextRun({
        text: p.text,
        font,
        size: p.style.size * 2,
        bold: !!p.style.bold,
        italics: !!p.style.italic,
      }),
    ],
  });
}

/**
 * Draws the layout model as a Word document: one A4 section with the ND30 margins, the header and
 * the Nơi nhận/signature in borderless two-column tables, the body justified with a first-line
 * indent, fonts named "Times New Roman", page numbers centred at the top from page 2.
 */
export async function renderDocx(model: LayoutModel): Promise<Uint8Array> {
  const children = bodyChildren(model);
  const template = await templateFor(model);
  if (!template) return renderDocxWithPacker(model);
  return packDocx(template, children);
}

/** The same document, every part built and compressed by docx's Packer (the tests compare). */
export async function renderDocxWithPacker(model: LayoutModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(docxDocument(model, bodyChildren(model))));
}

/** The body: the header table, title, Kính gửi, paragraphs and the Nơi nhận/signature table. */
function bodyChildren(model: LayoutModel): Array<Paragraph | Table> {
  const font = model.fontFamily;
  const { page } = model;
  const textWidth = twips(page.width - page.margin.left - page.margin.right);
  const leftHeader = Math.round(textWidth * model.header.left.width);
  const leftFooter = Math.round(textWidth * model.footer.left.width);
  const table = (
    left: Column,
    right: Column,
    leftWidth: number,
    trailing: Paragraph[] = [],
  ): Table =>
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: [leftWidth, textWidth - leftWidth],
      borders: NO_BORDERS,
      layout: TableLayoutType.FIXED,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            columnCell(left, leftWidth, font),
            columnCell(right, textWidth - leftWidth, font, trailing),
          ],
        }),
      ],
    });

  const signer = model.footer.signerName
    ? [
        styledParagraph(model.footer.signerName, font, {
          spacing: { before: Math.round(model.footer.signatureSpace * TWIPS_PER_MM) },
        }),
      ]
    : [];
  // The title's space under its rule and the space above Kính gửi are one space, the larger
  // (Word adds the two); the title's separates it from the body, and Kính gửi (or a header
  // alone) is followed by an empty line.
  const titleAfter = model.title.at(-1)?.spaceAfter ?? 0;
  const addressees = model.addressees.map((l, i) =>
    styledParagraph(
      i === 0 ? { ...l, spaceBefore: Math.max(0, (l.spaceBefore ?? 0) - titleAfter) } : l,
      font,
      l.style.align === "left" ? { indent: { left: Math.round(textWidth * 0.32) } } : {},
    ),
  );
  const lastBody = model.body.length - 1;
  const spacer =
    addressees.length || !titleAfter
      ? [new Paragraph({ spacing: { after: 120 }, children: [] })]
      : [];
  const children = [
    table(model.header.left, model.header.right, leftHeader),
    ...model.title.flatMap((l) => styledLines(l, font, textWidth)),
    ...addressees,
    ...spacer,
    // The last paragraph keeps with the footer so that the signature is never alone on a page.
    ...model.body.map((p, i) => {
      const para = bodyParagraph(i === lastBody ? { ...p, keepWithNext: true } : p, font);
      return para;
    }),
    table(model.footer.left, model.footer.right, leftFooter, signer),
  ];
  return children;
}

/** The docx Document of a model, with the body given (the model's, or a template's marker). */
function docxDocument(model: LayoutModel, children: Array<Paragraph | Table>): Document {
  const font = model.fontFamily;
  const { page } = model;
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: [PageNumber.CURRENT], font, size: model.pageNumbers.size * 2 }),
        ],
      }),
    ],
  });
  return new Document({
    creator: "vanthu",
    styles: { default: { document: { run: { font, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: model.pageNumbers.fromPage > 1,
          page: {
            size: { width: twips(page.width), height: twips(page.height) },
            margin: {
              top: twips(page.margin.top),
              bottom: twips(page.margin.bottom),
              left: twips(page.margin.left),
              right: twips(page.margin.right),
              header: twips(page.margin.top / 2),
              footer: twips(page.margin.bottom / 2),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph("")] }) },
        footers: { default: new Footer({ children: [new Paragraph("")] }) },
        children,
      },
    ],
  });
}

/** A package written once: the kept parts, and the document's and the properties' around them. */
interface Template {
  context: IContext;
  /** word/document.xml before and after the body. */
  head: string;
  tail: string;
  /** docProps/core.xml, its dates replaced for each document. */
  core: string;
  /** Every part in Packer's order, "document" and "core" where each document's own go. */
  parts: Array<ReturnType<typeof storedPart> | "document" | "core">;
}

const BODY_MARKER = "vanthu-docx-body-marker";
const templates = new Map<string, Promise<Template | null>>();

/**
 * The template of a model's page set-up, font and page numbers (all that the parts outside the
 * body depend on), written by Packer on first use and kept for the process (a handful at most:
 * every ND30 document has the same). Null, and the document is packed by Packer, if the body
 * cannot be told apart in it.
 */
function templateFor(model: LayoutModel): Promise<Template | null> {
  const key = JSON.stringify([
    model.fontFamily,
    model.page,
    model.pageNumbers.fromPage > 1,
    model.pageNumbers.size,
  ]);
  let template = templates.get(key);
  if (!template) {
    if (templates.size >= 16) templates.clear();
    // A template that cannot be built leaves every document to Packer, which says why.
    template = buildTemplate(model).catch(() => null);
    templates.set(key, template);
  }
  return template;
}

async function buildTemplate(model: LayoutModel): Promise<Template | null> {
  const marker = () => new Paragraph({ children: [new TextRun(BODY_MARKER)] });
  const doc = docxDocument(model, [marker()]);
  const files = readZip(new Uint8Array(await Packer.toBuffer(doc)));
  const context: IContext = { file: doc, viewWrapper: doc.Document, stack: [] };
  const decode = (name: string) => new TextDecoder().decode(files.get(name));
  const documentXml = decode("word/document.xml");
  const core = decode("docProps/core.xml");
  const markerXml = componentXml(marker(), context);
  const at = documentXml.indexOf(markerXml);
  if (at < 0 || documentXml.indexOf(markerXml, at + 1) >= 0) return null;
  if ((core.match(CORE_DATES) ?? []).length !== 2) return null;
  const parts: Template["parts"] = [];
  for (const [name, bytes] of files) {
    if (name === "word/document.xml") parts.push("document");
    else if (name === "docProps/core.xml") parts.push("core");
    else parts.push(storedPart(name, bytes));
  }
  return {
    context,
    head: documentXml.slice(0, at),
    tail: documentXml.slice(at + markerXml.length),
    core,
    parts,
  };
}

/** The created and modified dates of docProps/core.xml (docx writes the time of packing). */
const CORE_DATES = /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g;

/** A document's package: its body in the template's document part, and the kept parts. */
function packDocx(template: Template, children: Array<Paragraph | Table>): Uint8Array {
  const now = new Date();
  let body = template.head;
  for (const child of children) body += componentXml(child, template.context);
  body += template.tail;
  const core = template.core.replace(CORE_DATES, `$1${now.toISOString()}$2`);
  const parts = template.parts.map((p) =>
    p === "document"
      ? storedPart("word/document.xml", body)
      : p === "core"
        ? storedPart("docProps/core.xml", core)
        : p,
  );
  return writeZip(parts, now);
}
