import { authorityPrefix, type ParsedDocument } from "@vanthu/core";
import { LABELS as L, vi } from "./messages.vi.ts";

function dateText(d: ParsedDocument): string {
  const { day, month, year } = d.dateParts;
  const part = (n: number | null, pad: boolean): string =>
    n === null ? "..." : pad && n < 10 ? `0${n}` : String(n);
  if (day === null && month === null && year === null) return L.unknown;
  return `ngày ${part(day, true)} tháng ${part(month, month !== null && month <= 2)} năm ${part(year, false)}`;
}

function isoToVi(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** A readable summary of a parsed document, in Vietnamese, for the terminal. */
export function formatSummary(file: string, d: ParsedDocument, extraNotes: string[] = []): string {
  const lines: string[] = [file];
  const row = (label: string, value: string): void => {
    lines.push(`  ${`${label}:`.padEnd(18)} ${value}`);
  };
  row(L.format, d.format === "party" ? L.formatParty : L.formatState);
  const issuer = [
    d.issuer.name ?? L.unknown,
    d.issuer.parent ? `(${d.issuer.parent})` : "",
    d.issuer.code ? `[${d.issuer.code}]` : "",
  ]
    .filter(Boolean)
    .join(" ");
  row(L.issuer, d.issuer.source === "inferred" ? `${issuer}, ${L.inferred}` : issuer);
  row(L.type, d.type ? `${d.type.name} (${d.type.code})` : L.unknown);
  // A number written by hand is an issued document's, not a draft's blank.
  const blank = d.notes.some((n) => n.code === "NUMBER_HANDWRITTEN") ? L.handwritten : L.draft;
  row(L.reference, d.reference ? `${d.reference}${d.number ? "" : ` (${blank})`}` : L.unknown);
  row(L.placeDate, `${d.place ?? L.unknown}, ${dateText(d)}`);
  row(L.subject, d.subject ?? L.unknown);
  if (d.addressees.length) {
    row(L.addressees, d.addressees[0]!);
    for (const a of d.addressees.slice(1)) lines.push(`  ${"".padEnd(18)} ${a}`);
  }
  if (d.sections.length) {
    const labels = d.sections.map((s) => s.label).join(", ");
    row(L.sections, `${d.sections.length} ${L.items} (${labels})`);
  }
  if (d.recipients.length) row(L.recipients, d.recipients.join("; "));
  if (d.archive.length) row(L.archive, d.archive.join(", "));
  const s = d.signature;
  const sig = [
    // As the document prints it: "KT." in state documents, "T/M" in Party ones.
    ...(s.levels?.length
      ? s.levels.map((l) => `${authorityPrefix(d.format, l.authority)} ${l.title}`)
      : []),
    s.signerTitle,
    s.signerName,
  ].filter(Boolean);
  row(L.signature, sig.length ? sig.join(" / ") : L.unknown);
  if (d.citations.length) {
    lines.push(`  ${L.citations} (${d.citations.length}):`);
    for (const c of d.citations) {
      const parts = [`${c.typeName ?? "Văn bản"} ${c.reference}`];
      if (c.date) parts.push(`ngày ${isoToVi(c.date)}`);
      if (c.issuer) parts.push(`của ${c.issuer}${c.issuerInferred ? "*" : ""}`);
      lines.push(`    - ${parts.join(" ")}`);
    }
  }
  if (d.links.length) row(L.links, d.links.join(" "));
  const warnings = [...extraNotes, ...d.notes.map((n) => vi(n.code, n.message))];
  if (warnings.length) {
    lines.push(`  ${L.warnings}:`);
    for (const w of warnings) lines.push(`    ! ${w}`);
  }
  return lines.join("\n");
}
