import { escapeHtml, type Column, type LayoutModel, type StyledLine } from "@vanthu/core";

const esc = escapeHtml;

function lineStyle(line: StyledLine): string {
  const s = line.style;
  const parts = [`font-size:${s.size}pt`, `text-align:${s.align}`];
  if (s.bold) parts.push("font-weight:bold");
  if (s.italic) parts.push("font-style:italic");
  if (line.spaceBefore) parts.push(`margin-top:${line.spaceBefore}pt`);
  if (line.spaceAfter) parts.push(`margin-bottom:${line.spaceAfter}pt`);
  return parts.join(";");
}

function lineHtml(line: StyledLine, cls = ""): string {
  // The rule is a fraction of the text's own width: the text sits in an inline block with it.
  const text = line.ruleBelow
    ? `<span class="ruled"><span>${esc(line.text)}</span><span class="rule" style="width:${Math.round(line.ruleBelow * 100)}%"></span></span>`
    : esc(line.text);
  return `<p${cls ? ` class="${cls}"` : ""} style="${lineStyle(line)}">${text}</p>`;
}

function addresseesHtml(lines: StyledLine[]): string {
  if (lines.length <= 1) return lines.map((l) => lineHtml(l)).join("");
  const [label, ...items] = lines;
  return `<div class="columns"><p class="label" style="width:32%;text-align:right;padding-right:6pt">${esc(label!.text)}</p><div>${items.map((l) => lineHtml(l)).join("")}</div></div>`;
}

function columnHtml(column: Column, cls: string, extra = ""): string {
  return `<div class="${cls}" style="width:${(column.width * 100).toFixed(0)}%">${column.lines.map((l) => lineHtml(l)).join("")}${extra}</div>`;
}

/**
 * The layout model as one HTML page: semantic (header, h1, sections, footer), readable on a screen
 * and printable on A4 with the ND30 margins through its print stylesheet. Fonts: Times New Roman,
 * then Tinos and Liberation Serif, which share its metrics.
 */
export function renderHtml(
  model: LayoutModel,
  options: { title?: string; lang?: string; fragment?: boolean } = {},
): string {
  const { page } = model;
  const m = page.margin;
  const title = options.title ?? model.title.map((t) => t.text).join(" ");
  const signer = model.footer.signerName
    ? lineHtml({ ...model.footer.signerName, spaceBefore: 0 }, "signer")
    : "";
  const pageCss = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
body { margin: 0; background: #eee; }
@media print { body { background: none; } }`;
  const css = `
.van-ban { box-sizing: border-box; width: ${page.width}mm; min-height: ${page.height}mm; margin: 16px auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  background: #fff; color: #000; font-family: "${model.fontFamily}", Tinos, "Liberation Serif", serif; font-size: 14pt; line-height: 1.2; }
.van-ban p { margin: 0; }
.van-ban .columns { display: flex; align-items: flex-start; }
.van-ban .ruled { display: inline-block; max-width: 100%; }
.van-ban .rule { display: block; margin: 2pt auto 0; border-bottom: 0.6pt solid #000; height: 0; }
.van-ban .title { margin-top: 12pt; }
.van-ban .kinh-gui { margin: 10pt 0 8pt; }
.van-ban .body p { margin-bottom: 6pt; }
.van-ban footer .signature .space { height: ${model.footer.signatureSpace}mm; }
@media screen and (max-width: 220mm) { .van-ban { width: auto; min-height: 0; margin: 0; padding: 16px; } .van-ban .columns { flex-direction: column; } .van-ban .columns > div { width: auto !important; } }
@media print { .van-ban { width: auto; min-height: 0; margin: 0; padding: 0; } .van-ban footer { break-inside: avoid; } .van-ban .body p:last-child { break-after: avoid; } }`;
  const body = model.body
    .map((p) => {
      const style = [
        `font-size:${p.style.size}pt`,
        `text-align:${p.style.align}`,
        `text-indent:${p.firstLineIndent}mm`,
        `line-height:${p.lineHeight}`,
        `margin-bottom:${p.spaceAfter}pt`,
      ];
      if (p.style.bold) style.push("font-weight:bold");
      if (p.keepWithNext) style.push("break-after:avoid");
      return `<p style="${style.join(";")}">${esc(p.text)}</p>`;
    })
    .join("\n");
  const article = `<article class="van-ban ${model.format}">
<header class="columns">${columnHtml(model.header.left, "issuer")}${columnHtml(model.header.right, "motto")}</header>
<div class="title">${model.title.map((l, i) => (i === 0 ? `<h1 style="${lineStyle(l)}">${esc(l.text)}</h1>` : lineHtml(l, "subject"))).join("")}</div>
${model.addressees.length ? `<div class="kinh-gui">${addresseesHtml(model.addressees)}</div>` : ""}
<section class="body">
${body}
</section>
<footer class="columns">${columnHtml(model.footer.left, "recipients")}${columnHtml(model.footer.right, "signature", `<div class="space"></div>${signer}`)}</footer>
</article>`;
  // A fragment goes inside another page (the web application's preview): no page rules.
  if (options.fragment) return `<style>${css}</style>\n${article}\n`;
  return `<!doctype html>
<html lang="${options.lang ?? "vi"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${pageCss}${css}</style>
</head>
<body>
${article}
</body>
</html>
`;
}
