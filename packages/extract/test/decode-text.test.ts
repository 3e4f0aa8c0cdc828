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
