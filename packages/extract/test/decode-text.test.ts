import { test } from "node:test";
import assert from "node:assert/strict";
import { convertTcvn3, decodeText, detectLegacyEncoding } from "@vanthu/extract";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

test("UTF-8 with and without BOM, NFD input composed", () => {
  assert.equal(decodeText(utf8("Kính gửi")).text, "Kính gửi");
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Số: 01")])).text, "Số: 01");
  const nfd = decodeText(utf8("Tuyên truyền".normalize("NFD")));
  assert.equal(nfd.text, "Tuyên truyền");
  assert.equal(nfd.encoding, "utf-8");
  assert.deepEqual(nfd.notes, []);
});

test("UTF-16 with a BOM", () => {
  const s = "Cộng hòa xã hội";
  const le = new Uint8Array(2 + s.length * 2);
  le[0] = 0xff;
  le[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    le[2 + i * 2] = s.charCodeAt(i) & 0xff;
    le[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  const d = decodeText(le);
  assert.equal(d.text, s);
  assert.equal(d.encoding, "utf-16le");
});

// "Céng hoµ x· héi chñ nghÜa ViÖt Nam" is how TCVN3 bytes look when read as Latin-1.
const TCVN3_LATIN1 =
  "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Sè: 12/UBND-VP. KÝnh göi: Së Y tÕ.";

test("TCVN3 is recognised and converted to Unicode, with a note", () => {
  assert.equal(detectLegacyEncoding(TCVN3_LATIN1), "tcvn3");
  const bytes = Uint8Array.from(TCVN3_LATIN1, (c) => c.charCodeAt(0));
  const d = decodeText(bytes);
  assert.equal(d.encoding, "tcvn3");
  assert.ok(
    d.text.startsWith(
      "Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Số: 12/UBND-VP. Kính gửi: Sở Y tế.",
    ),
    d.text,
  );
  assert.deepEqual(
    d.notes.map((n) => n.code),
    ["LEGACY_ENCODING_TCVN3"],
  );
  assert.equal(convertTcvn3("®"), "đ");
});

test("VNI is recognised and reported, not guessed", () => {
  const vni =
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Kính göûi: Sôû Y teá.";
  assert.equal(detectLegacyEncoding(vni), "vni");
  const d = decodeText(Uint8Array.from(vni, (c) => c.charCodeAt(0)));
  assert.deepEqual(
    d.notes.map((n) => n.code),
    ["LEGACY_ENCODING_VNI"],
  );
});

test("Unicode Vietnamese is never taken for a legacy encoding", () => {
  assert.equal(
    detectLegacyEncoding(
      "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Kính gửi: Sở Y tế.",
    ),
    null,
  );
  assert.equal(detectLegacyEncoding("Plain ASCII text with café and naïve words."), null);
});

test("invalid UTF-8 that is not a legacy encoding is read as Windows-1252 with a note", () => {
  const d = decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
  assert.equal(d.text, "Café ok");
  assert.deepEqual(
    d.notes.map((n) => n.code),
    ["NOT_UTF8"],
  );
});

test("binary data is reported, not decoded", () => {
  const d = decodeText(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00]));
  assert.equal(d.text, "");
  assert.deepEqual(
    d.notes.map((n) => n.code),
    ["BINARY_CONTENT"],
  );
});

/** The detection as it was written first, with regular expressions: the one pass must agree. */
function referenceDetection(text: string): "tcvn3" | "vni" | null {
  const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
  const sample = text.slice(0, 20000);
  const unicode = count(sample, /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]/gu);
  const letters = count(sample, /\p{L}/gu) || 1;
  if (unicode / letters > 0.02) return null;
  const tcvn = count(sample, /[µ¸¶·¹¨©ª«¬®»¼½¾ÆÇÈÉËÌÎÏÐÑÒÓÔÖ×ØÜÝÞßåæçëîïñ÷øþ]/gu);
  const vni = count(sample, /[aeiouyAEIOUY][øùûõïöäåëòóôñ]|ñ[aeiou]/gu);
  if (tcvn >= 5 && tcvn / letters > 0.03 && tcvn >= vni) return "tcvn3";
  if (vni >= 5 && vni / letters > 0.02) return "vni";
  return null;
}

test("legacy detection in one pass agrees with the regular expressions it replaced", () => {
  const cases: Array<[string, string]> = [
    ["TCVN3 read as Latin-1", TCVN3_LATIN1],
    ["VNI read as Latin-1", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do."],
    ["Unicode Vietnamese", "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc."],
    ["ASCII", "Plain ASCII text with café and naïve words."],
    ["empty", ""],
    ["overlapping VNI syllables", "aøøøñaañeeñiñoñuaøaøaøaøaøaø"],
    ["markers that are not letters", "×÷¸¶·¨©«¬®»¼½¾ ×÷¸¶·¨©«¬®»¼½¾ a"],
    ["astral letters and a lone surrogate", "𝐀𝐁𝐂 ñaño \ud800 aø aø aø aø aø 𝐃"],
    ["a pair cut by the sample's end", `${"aø".repeat(9999)}a\ud835\udc00`],
    ["beyond the sample", `${"x".repeat(19998)}aøaøaøaøaøaø`],
    ["Unicode first, then TCVN3", `${"ệ".repeat(600)}${"µ".repeat(20000)}`],
    ["a little Unicode, much TCVN3", `${"ệ".repeat(50)}${"µ¸".repeat(5000)}`],
    ["exactly 2% Vietnamese letters", `ệ${"µ".repeat(49)}`.repeat(400)],
  ];
  // Random mixes of the characters the counts look at.
  const alphabet = Array.from("aeiouyAEIOUYñøùûõïöäåëòóôµ¸×÷ÔÂâêăđươạệỹ xZ9.\n𝐀\ud800");
  let seed = 42;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(from: T[]): T => from[Math.floor(random() * from.length)]!;
  for (let k = 0; k < 500; k++) {
    const letters = Array.from({ length: 2 + Math.floor(random() * 10) }, () => pick(alphabet));
    let s = "";
    for (let i = Math.floor(random() * 300); i > 0; i--) s += pick(letters);
    cases.push([`random ${k}: ${s.slice(0, 40)}`, s]);
  }
  for (let k = 0; k < 20; k++) {
    const letters = Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(alphabet));
    let s = "";
    for (let i = 18000 + Math.floor(random() * 6000); i > 0; i--) s += pick(letters);
    cases.push([`long random ${k}: ${letters.join("")}`, s]);
  }
  for (const [name, text] of cases)
    assert.equal(detectLegacyEncoding(text), referenceDetection(text), name);
});

test("valid UTF-8 decodes as TextDecoder decodes it (a BOM dropped); invalid UTF-8 is not read as UTF-8", () => {
  const pieces = [
    [0xef, 0xbb, 0xbf],
    [0xc3, 0xa0],
    [0xe1, 0xba, 0xa1],
    [0xf0, 0x9f, 0x98, 0x80],
    [0x41],
    [0x0a],
    [0x0d],
    [0xc6, 0xb0],
  ];
  const invalid = [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff], [0xe1, 0xba]];
  const fatal = new TextDecoder("utf-8", { fatal: true });
  let seed = 7;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let k = 0; k < 3000; k++) {
    const bytes: number[] = [];
    for (let i = 0, n = next(40); i < n; i++) bytes.push(...pieces[next(pieces.length)]!);
    const broken = k % 3 === 0;
    if (broken) bytes.splice(next(bytes.length + 1), 0, ...invalid[next(invalid.length)]!);
    const input = new Uint8Array(bytes);
    const d = decodeText(input);
    if (broken) {
      assert.notEqual(d.encoding, "utf-8");
      continue;
    }
    const expected = fatal.decode(input);
    assert.equal(d.encoding, "utf-8");
    assert.equal(
      d.text,
      expected
        .normalize("NFC")
        .replace(/\r\n?/g, "\n")
        .replace(/\ufeff/g, ""),
    );
  }
});
