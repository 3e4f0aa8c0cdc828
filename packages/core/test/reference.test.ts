import { test } from "node:test";
import assert from "node:assert/strict";
import { formatReference, parseReference } from "@vanthu/core";

type Expect = {
  shape: "state" | "party" | "normative";
  number: string | null;
  symbol: string;
  reference: string;
  typeCode: string | null;
  issuerCode: string | null;
  unit: string | null;
  year?: string | null;
};

const cases: Array<[string, string, Expect]> = [
  [
    "state công văn",
    "374/STTTT-TTBCXB",
    {
      shape: "state",
      number: "374",
      symbol: "STTTT-TTBCXB",
      reference: "374/STTTT-TTBCXB",
      typeCode: null,
      issuerCode: "STTTT",
      unit: "TTBCXB",
    },
  ],
  [
    "state with type",
    "09/KH-UBND",
    {
      shape: "state",
      number: "09",
      symbol: "KH-UBND",
      reference: "09/KH-UBND",
      typeCode: "KH",
      issuerCode: "UBND",
      unit: null,
    },
  ],
  [
    "state with type and unit",
    "16/KH-MTTQ-BTT",
    {
      shape: "state",
      number: "16",
      symbol: "KH-MTTQ-BTT",
      reference: "16/KH-MTTQ-BTT",
      typeCode: "KH",
      issuerCode: "MTTQ",
      unit: "BTT",
    },
  ],
  [
    "state draft",
    "/STTTT-TTBCXB",
    {
      shape: "state",
      number: null,
      symbol: "STTTT-TTBCXB",
      reference: "/STTTT-TTBCXB",
      typeCode: null,
      issuerCode: "STTTT",
      unit: "TTBCXB",
    },
  ],
  [
    "state with &",
    "/LĐLĐ-TG&NC",
    {
      shape: "state",
      number: null,
      symbol: "LĐLĐ-TG&NC",
      reference: "/LĐLĐ-TG&NC",
      typeCode: null,
      issuerCode: "LĐLĐ",
      unit: "TG&NC",
    },
  ],
  [
    "state, space before slash",
    "773 /QĐ-TTg",
    {
      shape: "state",
      number: "773",
      symbol: "QĐ-TTg",
      reference: "773/QĐ-TTg",
      typeCode: "QĐ",
      issuerCode: "TTg",
      unit: null,
    },
  ],
  [
    "state, symbol broken over lines",
    "3783/QĐ-\nUBND",
    {
      shape: "state",
      number: "3783",
      symbol: "QĐ-UBND",
      reference: "3783/QĐ-UBND",
      typeCode: "QĐ",
      issuerCode: "UBND",
      unit: null,
    },
  ],
  [
    "state, leading zeros kept",
    "01814/QĐ-UBND",
    {
      shape: "state",
      number: "01814",
      symbol: "QĐ-UBND",
      reference: "01814/QĐ-UBND",
      typeCode: "QĐ",
      issuerCode: "UBND",
      unit: null,
    },
  ],
  [
    "state, issuer only",
    "12103/VPCP",
    {
      shape: "state",
      number: "12103",
      symbol: "VPCP",
      reference: "12103/VPCP",
      typeCode: null,
      issuerCode: "VPCP",
      unit: null,
    },
  ],
  [
    "Party",
    "103-KH/TU",
    {
      shape: "party",
      number: "103",
      symbol: "KH/TU",
      reference: "103-KH/TU",
      typeCode: "KH",
      issuerCode: "TU",
      unit: null,
    },
  ],
  [
    "Party công văn",
    "855-CV/BTGTU",
    {
      shape: "party",
      number: "855",
      symbol: "CV/BTGTU",
      reference: "855-CV/BTGTU",
      typeCode: "CV",
      issuerCode: "BTGTU",
      unit: null,
    },
  ],
  [
    "Party with spaces",
    "67 - HD/BTGTU",
    {
      shape: "party",
      number: "67",
      symbol: "HD/BTGTU",
      reference: "67-HD/BTGTU",
      typeCode: "HD",
      issuerCode: "BTGTU",
      unit: null,
    },
  ],
  [
    "Party with Ư",
    "445-KL/TƯ",
    {
      shape: "party",
      number: "445",
      symbol: "KL/TƯ",
      reference: "445-KL/TƯ",
      typeCode: "KL",
      issuerCode: "TƯ",
      unit: null,
    },
  ],
  [
    "Party draft",
    "-KH/TU",
    {
      shape: "party",
      number: null,
      symbol: "KH/TU",
      reference: "-KH/TU",
      typeCode: "KH",
      issuerCode: "TU",
      unit: null,
    },
  ],
  [
    "normative",
    "27/2022/NĐ-CP",
    {
      shape: "normative",
      number: "27",
      symbol: "NĐ-CP",
      reference: "27/2022/NĐ-CP",
      typeCode: "NĐ",
      issuerCode: "CP",
      unit: null,
      year: "2022",
    },
  ],
  [
    "law",
    "80/2015/QH13",
    {
      shape: "normative",
      number: "80",
      symbol: "QH13",
      reference: "80/2015/QH13",
      typeCode: null,
      issuerCode: "QH13",
      unit: null,
      year: "2015",
    },
  ],
  [
    "joint circular",
    "08/2012/TTLT-BLĐTBXH-BNV-BTC",
    {
      shape: "normative",
      number: "08",
      symbol: "TTLT-BLĐTBXH-BNV-BTC",
      reference: "08/2012/TTLT-BLĐTBXH-BNV-BTC",
      typeCode: "TTLT",
      issuerCode: "BLĐTBXH-BNV-BTC",
      unit: null,
      year: "2012",
    },
  ],
  [
    "trailing text ignored",
    "3354/VPCP-KGVX V/v ban hành",
    {
      shape: "state",
      number: "3354",
      symbol: "VPCP-KGVX",
      reference: "3354/VPCP-KGVX",
      typeCode: null,
      issuerCode: "VPCP",
      unit: "KGVX",
    },
  ],
];

for (const [name, input, expected] of cases) {
  test(`parseReference: ${name}`, () => {
    const r = parseReference(input);
    assert.ok(r, "parsed");
    const { length: _length, irregularSpacing: _spacing, ...rest } = r;
    assert.deepEqual(
      { ...rest, year: rest.year ?? null },
      { ...expected, year: expected.year ?? null },
    );
  });
}

test("parseReference: irregular spacing is reported", () => {
  assert.equal(parseReference("67 - HD/BTGTU")?.irregularSpacing, true);
  assert.equal(parseReference("67-HD/BTGTU")?.irregularSpacing, false);
});

test("parseReference: a công văn's first segment that looks like a type is its issuer", () => {
  const r = parseReference("5467/CT-CS", { typeless: true });
  assert.equal(r?.typeCode, null);
  assert.equal(r?.issuerCode, "CT");
  assert.equal(r?.unit, "CS");
});

test("parseReference: not a reference", () => {
  for (const s of ["21/3/2023", "COVID-19", "b/c", "tháng 7/2023", "", "abc"])
    assert.equal(parseReference(s), null, s);
});

test("formatReference builds each shape", () => {
  assert.equal(formatReference({ number: "03", typeCode: "KH", issuerCode: "UBND" }), "03/KH-UBND");
  assert.equal(
    formatReference({ number: null, issuerCode: "STTTT", unit: "TTBCXB" }),
    "/STTTT-TTBCXB",
  );
  assert.equal(
    formatReference({ number: "103", typeCode: "KH", issuerCode: "TU", shape: "party" }),
    "103-KH/TU",
  );
  assert.equal(
    formatReference({ number: "27", typeCode: "NĐ", issuerCode: "CP", year: "2022" }),
    "27/2022/NĐ-CP",
  );
});
