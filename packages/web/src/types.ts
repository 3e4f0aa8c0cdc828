import { typeByCode } from "@vanthu/core";

/** The document types people pick most, in the order of ND30 Phụ lục III; names from core's table. */
export const TYPE_OPTIONS = ["CV", "KH", "HD", "TB", "BC", "QĐ", "CT", "TTr", "GM", "CĐ", "NQ"].map(
  (code) => ({ value: code, label: typeByCode(code)?.name ?? code }),
);
