/**
 * Diacritics the recogniser drops, put back from context. Tesseract's Vietnamese model often
 * loses one mark of a stacked pair on a scan ("đôi với" for "đối với", "GIÁM ĐÓC", "Quyêt định",
 * "Nguyên Văn" for "Nguyễn Văn"). A phrase of the administrative vocabulary below whose letters
 * match the words read, and whose marks include every mark read (the recogniser left some out,
 * it did not invent others; one tone misread is allowed in a phrase of two words or more), is
 * written as the phrase. A single word is corrected only as the surname of a name (three or more
 * capitalised words): "Nguyên" alone is a word of its own. Capitalised words inside a phrase are
 * a name ("Báo Cao Nguyên", the newspaper) and are left as read.
 */
import { foldKey } from "@vanthu/core";

/** Phrases of official documents (ND30 titles, set formulas, frequent terms). Lower case. */
const PHRASES = [
  "đối với",
  "quyết định",
  "tổ chức",
  "thành phố",
  "giám đốc",
  "phó giám đốc",
  "chủ tịch",
  "phó chủ tịch",
  "chánh văn phòng",
  "phó chánh văn phòng",
  "văn phòng",
  "hiệu trưởng",
  "phó hiệu trưởng",
  "thứ trưởng",
  "bộ trưởng",
  "vụ trưởng",
  "cục trưởng",
  "trưởng phòng",
  "trưởng ban",
  "kết luận",
  "kế hoạch",
  "đề nghị",
  "đề xuất",
  "hồ sơ",
  "về việc",
  "nơi nhận",
  "kính gửi",
  "như trên",
  "ủy ban nhân dân",
  "cộng hòa xã hội chủ nghĩa việt nam",
  "độc lập",
  "hạnh phúc",
  "xây dựng",
  "thực hiện",
  "triển khai",
  "hướng dẫn",
  "thông báo",
  "công văn",
  "giấy mời",
  "tờ trình",
  "báo cáo",
  "chỉ thị",
  "nghị quyết",
  "nghị định",
  "thông tư",
  "chỉ số",
  "cải cách hành chính",
  "dịch vụ công",
  "trực tuyến",
  "thủ tướng",
  "chính phủ",
  "ý kiến",
  "dự thảo",
  "cán bộ",
  "công chức",
  "viên chức",
  "điện tử",
  "tín dụng",
  "tiếp tục",
  "hỗ trợ",
  "sản xuất",
  "kinh tế",
  "phát triển",
  "chứng chỉ",
  "tổng hợp",
  "trân trọng",
  "đồng chí",
  "tỉnh ủy",
  "trung ương",
  "kiểm soát",
  "nhiệm vụ",
  "trọng tâm",
  "đơn vị",
  "cơ quan",
  "tài chính",
  "nội vụ",
  "giáo dục",
  "đào tạo",
  "đại học",
  "thông tin",
  "truyền thông",
  "tuyên truyền",
  "phối hợp",
  "quản lý",
  "theo dõi",
];

/** Surnames, which the first word of a name is read against. */
const SURNAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Đinh",
  "Trương",
  "Đoàn",
  "Thạch",
];

const byFold = new Map<string, string>();
for (const p of PHRASES) byFold.set(foldKey(p), p);
const surnames = new Map(SURNAMES.map((s) => [foldKey(s), s]));
const maxWords = Math.max(...PHRASES.map((p) => p.split(" ").length));

const TONES = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);

/** Marks of each letter (NFD combining characters; đ as a mark). */
function marks(word: string): string[][] {
  const out: string[][] = [];
  for (const ch of word.normalize("NFD").toLowerCase()) {
    if (/\p{M}/u.test(ch)) out[out.length - 1]?.push(ch);
    else out.push(ch === "đ" ? ["đ"] : []);
  }
  return out;
}

/** Conflicting tones between what was read and the candidate, or -1 when a mark was invented. */
function conflicts(read: string, candidate: string): number {
  const a = marks(read);
  const b = marks(candidate);
  if (a.length !== b.length) return -1;
  let tones = 0;
  for (let i = 0; i < a.length; i++)
    for (const m of a[i]!) {
      if (b[i]!.includes(m)) continue;
      if (TONES.has(m) && b[i]!.some((x) => TONES.has(x))) tones++;
      else return -1;
    }
  return tones;
}

/** The candidate in the case of what was read (all capitals, capitalised, or lower). */
function withCase(read: string, candidate: string): string {
  if (read === read.toLocaleUpperCase("vi") && /\p{Lu}/u.test(read))
    return candidate.toLocaleUpperCase("vi");
  if (/^\p{Lu}/u.test(read)) return candidate[0]!.toLocaleUpperCase("vi") + candidate.slice(1);
  return candidate;
}

/**
 * Restores dropped diacritics in one line's words (in reading order). Returns the corrected
 * words, the same length; punctuation around a word is kept.
 */
export function restoreDiacritics(words: string[]): string[] {
  const out = [...words];
  type Parts = RegExpExecArray | string[] | null;
  const split: Parts[] = words.map((w) => /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(w));
  // A final "i" the recogniser read as a bracket or a bar ("đô)" for "đối"): the word with the
  // "i" is tried too, where no bracket opens in it.
  const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;
  // A bracket opened before the word's last character and not closed: its ")" closes it.
  const open = (k: number): boolean => {
    const before = `${words.slice(0, k).join(" ")} ${words[k]!.slice(0, -1)}`;
    return count(before, /[([]/g) > count(before, /[)\]]/g);
  };
  const withI: Parts[] = split.map((p, k) =>
    p && /^[)\]|!]$/.test(p[3]!) && !open(k) ? [p[0]!, p[1]!, `${p[2]!}i`, ""] : p,
  );
  const phraseAt = (parts: Parts[], i: number, n: number): boolean => {
    if (parts.some((p) => !p)) return false;
    // Punctuation only at the phrase's ends.
    if (parts.some((p, k) => (k > 0 && p![1]) || (k < n - 1 && p![3]))) return false;
    const read = parts.map((p) => p![2]!);
    // Capitalised words after the first are a proper name ("Báo Cao Nguyên"), not the phrase.
    const caps = read.every((r) => r === r.toLocaleUpperCase("vi"));
    if (!caps && read.slice(1).some((r) => /^\p{Lu}/u.test(r))) return false;
    const phrase = byFold.get(foldKey(read.join(" ")));
    if (!phrase) return false;
    const cand = phrase.split(" ");
    const c = read.map((r, k) => conflicts(r, cand[k]!));
    if (c.some((x) => x < 0) || c.reduce((a, b) => a + b, 0) > 1) return false;
    read.forEach((r, k) => {
      out[i + k] = `${parts[k]![1]}${withCase(r, cand[k]!)}${parts[k]![3]}`;
    });
    return true;
  };
  for (let i = 0; i < words.length;) {
    let done = 0;
    for (let n = Math.min(maxWords, words.length - i); n >= 2 && !done; n--) {
      if (phraseAt(split.slice(i, i + n), i, n)) done = n;
      else if (withI.slice(i, i + n).some((p, k) => p !== split[i + k])) {
        if (phraseAt(withI.slice(i, i + n), i, n)) done = n;
      }
    }
    if (!done) {
      // A name: capitalised words, three or more, the first read against the surnames.
      const p = split[i];
      const name = split.slice(i, i + 3);
      if (
        p &&
        name.length === 3 &&
        name.every((x) => x && /^\p{Lu}/u.test(x[2]!) && !/\p{Lu}/u.test(x[2]!.slice(1)))
      ) {
        const surname = surnames.get(foldKey(p[2]!));
        if (surname && conflicts(p[2]!, surname) === 0) out[i] = `${p[1]}${surname}${p[3]}`;
      }
      done = 1;
    }
    i += done;
  }
  return out;
}
