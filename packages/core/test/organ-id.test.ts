import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeOrganId, organIdProblem, readCsv } from "../src/index.ts";

test("agency identifiers: the shapes packages in use carry, and what is not one", () => {
  const cases: Array<[string, ReturnType<typeof organIdProblem>]> = [
    ["000.00.00.G22", null],
    ["000.00.00.H41", null],
    ["01.02.G22", null],
    ["28.22.H17", null],
    [" 000.00.21.h37 ", null],
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["H41", "SHAPE"],
    ["000-00-00-H41", "SHAPE"],
    ["000.00.00.H41.", "SHAPE"],
    ["000.00.00.Hà1", "SHAPE"],
    ["1.2.3.4.5.6", "SHAPE"],
  ];
  for (const [id, problem] of cases) assert.equal(organIdProblem(id), problem, id);
  assert.equal(normalizeOrganId(" 000.00.21.h37 "), "000.00.21.H37");
});

test("CSV: quotes, doubled quotes, the header's separator, CRLF, a BOM, blank lines; line numbers kept", () => {
  const text =
    '\uFEFFma,ten,dia_chi\r\n000.00.00.G22,"Văn phòng Chính phủ","1 Hoàng Hoa Thám, Hà Nội"\r\n\r\n' +
    '000.00.00.H41,UBND tỉnh Nghệ An,"Số 3 ""Trường Thi"""\n';
  assert.deepEqual(readCsv(text), [
    { line: 1, cells: ["ma", "ten", "dia_chi"] },
    { line: 2, cells: ["000.00.00.G22", "Văn phòng Chính phủ", "1 Hoàng Hoa Thám, Hà Nội"] },
    { line: 4, cells: ["000.00.00.H41", "UBND tỉnh Nghệ An", 'Số 3 "Trường Thi"'] },
  ]);
  assert.deepEqual(readCsv("a\nb\nc\n", 2).length, 2);
  // A semicolon header (Excel in a Vietnamese locale): commas inside a cell are text.
  assert.deepEqual(readCsv("ma;ten\n000.00.00.G17;Bộ Nội vụ, Hà Nội"), [
    { line: 1, cells: ["ma", "ten"] },
    { line: 2, cells: ["000.00.00.G17", "Bộ Nội vụ, Hà Nội"] },
  ]);
  assert.deepEqual(readCsv("ma\tten\nA.B\tC")[1]!.cells, ["A.B", "C"]);
  // A quoted field over two lines stays one field; the next row's line number counts both.
  assert.deepEqual(readCsv('x,"một\nhai"\ny,z'), [
    { line: 1, cells: ["x", "một\nhai"] },
    { line: 3, cells: ["y", "z"] },
  ]);
});
