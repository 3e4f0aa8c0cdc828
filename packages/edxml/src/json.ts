/**
 * The JSON line of `vanthu edxml read --json` (issue 17): the names the issue fixes first
 * (kind, documentId, from, to, reference, number, symbol, date, place, type, subject, signer,
 * dueDate, steeringType, businessType, attachments, warnings; for a status kind, statusCode,
 * responseFor, from, timestamp, description, staff), then the rest of the package. Dates are ISO
 * (null when the package's date is not a real one; the written form is beside it).
 */
import { typeByName } from "@vanthu/core";
import { edxmlMessageVi, type EdxmlWarning } from "./codes.ts";
import {
  EDXML_STATUS_CODES,
  type EdxmlDocument,
  type EdxmlOrgan,
  type EdxmlPackage,
  type EdxmlStatus,
} from "./model.ts";

function organJson(o: EdxmlOrgan | null): Record<string, string | null> | null {
  if (!o) return null;
  return {
    organId: o.organId,
    organName: o.organName,
    organizationInCharge: o.organizationInCharge,
    organAdd: o.organAdd,
    email: o.email,
    telephone: o.telephone,
    fax: o.fax,
    website: o.website,
  };
}

function warningsJson(warnings: EdxmlWarning[]) {
  return warnings.map((w) => ({ ...w, messageVi: edxmlMessageVi(w.code) }));
}

function documentJson(d: EdxmlDocument): Record<string, unknown> {
  const { codeNumber, codeNotation } = d.code;
  const reference =
    codeNumber && codeNotation
      ? `${codeNumber}/${codeNotation}`
      : (codeNumber ?? (codeNotation ? `/${codeNotation}` : null));
  const type = d.documentType.typeName ? typeByName(d.documentType.typeName) : null;
  return {
    kind: "document",
    documentId: d.documentId,
    from: organJson(d.from),
    to: d.to.map(organJson),
    reference,
    number: codeNumber,
    symbol: codeNotation,
    date: d.promulgation.dateIso ?? null,
    dateAsWritten: d.promulgation.date,
    place: d.promulgation.place,
    type: {
      code: type?.code ?? null,
      name: d.documentType.typeName,
      edxmlType: d.documentType.type,
      typeDetail: d.documentType.typeDetail,
    },
    subject: d.subject,
    content: d.content,
    signer: d.signer,
    dueDate: d.dueDateIso ?? null,
    dueDateAsWritten: d.dueDate,
    steeringType: d.steeringType,
    // No Bussiness element: a new document, as receivers read it (a warning says so).
    businessType: d.business ? d.business.docType : 0,
    businessReason: d.business?.reason ?? null,
    attachments: d.attachments.map((a) => ({
      contentId: a.contentId,
      name: a.name,
      contentType: a.contentType,
      bytes: a.size,
      description: a.description,
      ...(a.package ? { package: edxmlJson(a.package) } : {}),
    })),
    warnings: warningsJson(d.warnings),
    toPlaces: d.toPlaces,
    otherInfo: d.otherInfo,
    responseFor: d.responseFor.map((r) => ({
      ...r,
      promulgationDate: r.promulgationDateIso ?? null,
      promulgationDateAsWritten: r.promulgationDate,
      promulgationDateIso: undefined,
    })),
    traces: d.traces.map((t) => ({
      organId: t.organId,
      timestamp: t.timestampIso ?? null,
      timestampAsWritten: t.timestamp,
    })),
    business: d.business,
    signature: d.signature,
  };
}

function statusJson(s: EdxmlStatus): Record<string, unknown> {
  const r = s.responseFor;
  return {
    kind: "status",
    statusCode: s.statusCode,
    responseFor: r
      ? {
          organId: r.organId,
          code: r.code,
          documentId: r.documentId,
          promulgationDate: r.promulgationDateIso ?? null,
          promulgationDateAsWritten: r.promulgationDate,
        }
      : null,
    from: organJson(s.from),
    timestamp: s.timestampIso ?? null,
    timestampAsWritten: s.timestamp,
    description: s.description,
    staff: s.staff,
    statusName:
      s.statusCode && Object.hasOwn(EDXML_STATUS_CODES, s.statusCode)
        ? EDXML_STATUS_CODES[s.statusCode as keyof typeof EDXML_STATUS_CODES]
        : null,
    signature: s.signature,
    warnings: warningsJson(s.warnings),
  };
}

/** The package as the CLI's JSON line shows it (attachment bytes as their decoded size). */
export function edxmlJson(pkg: EdxmlPackage): Record<string, unknown> {
  return pkg.kind === "document" ? documentJson(pkg) : statusJson(pkg);
}
