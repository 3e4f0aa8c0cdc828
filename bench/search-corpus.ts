/**
 * Generated documents for bench/search.ts, in the shape of real ones: the header (issuer, national
 * motto, "Số:", place and date), the type and subject, "Căn cứ" citations of other references,
 * numbered items and points, "Nơi nhận". Sentences are drawn from a word-pair chain learnt from
 * the dev corpus (../shared/corpus/dev) when present, else from a built-in vocabulary; body sizes
 * follow the sizes of the corpus's documents (about 19 KB on average), else a spread of our own
 * with the same mean. Nothing of the corpus is stored: the chain is learnt at each run.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeText } from "@vanthu/core";

export const ISSUERS = [
  ["Sở Thông tin và Truyền thông", "STTTT"],
  ["Ủy ban nhân dân tỉnh", "UBND"],
  ["Sở Y tế", "SYT"],
  ["Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"],
  ["Sở Công Thương", "SCT"],
  ["Liên đoàn Lao động tỉnh", "LĐLĐ"],
  ["Sở Giáo dục và Đào tạo", "SGDĐT"],
  ["Sở Tài chính", "STC"],
] as const;
export const TYPES = [
  ["CV", "Công văn"],
  ["KH", "Kế hoạch"],
  ["TB", "Thông báo"],
  ["BC", "Báo cáo"],
  ["QĐ", "Quyết định"],
  ["HD", "Hướng dẫn"],
] as const;

/** Our own words, for a run without ../shared. */
const BUILT_IN =
  `Về việc tăng cường công tác tuyên truyền phổ biến giáo dục pháp luật trên địa bàn tỉnh
năm nay các cơ quan đơn vị địa phương triển khai thực hiện nghiêm túc kế hoạch phòng chống dịch bệnh
thiên tai bão lũ chuyển đổi số an toàn thông tin mạng lừa đảo trực tuyến cải cách hành chính báo cáo
kết quả thực hiện nhiệm vụ trọng tâm của ngành đề nghị Ủy ban nhân dân các huyện thành phố chỉ đạo
phòng ban chuyên môn phối hợp với Sở Thông tin và Truyền thông hướng dẫn người dân doanh nghiệp sử
dụng dịch vụ công trực tuyến mức độ cao bảo đảm tiến độ chất lượng hiệu quả tổ chức hội nghị tổng kết
đánh giá rút kinh nghiệm khen thưởng tập thể cá nhân có thành tích xuất sắc trong phong trào thi đua
xây dựng nông thôn mới đô thị văn minh giữ gìn trật tự an toàn giao thông bảo vệ môi trường quản lý
đất đai tài nguyên khoáng sản ngân sách nhà nước đầu tư công kiểm tra giám sát thanh tra xử lý vi phạm
theo quy định hiện hành gửi về trước ngày để tổng hợp trình lãnh đạo xem xét quyết định`
    .split(/\s+/)
    .filter(Boolean);

type Rand = () => number;

/** A small seeded generator, so that a data set is the same at every run. */
export function seeded(seed: number): Rand {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

export interface Material {
  source: string;
  /** Words that follow each word in the source text. */
  next: Map<string, string[]>;
  starts: string[];
  subjectStarts: string[];
  /** Body sizes in characters to draw from. */
  sizes: number[];
}

export function learn(dir: string | null): Material {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  const subjectStarts: string[] = [];
  const sizes: number[] = [];
  const texts: string[] = [];
  if (dir && existsSync(dir))
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
      const text = normalizeText(readFileSync(join(dir, name), "utf8"));
      if (text.length < 2000) continue;
      sizes.push(text.length);
      texts.push(text);
    }
  const source = texts.length ? `${texts.length} documents of ${dir}` : "the built-in vocabulary";
  if (!texts.length) {
    texts.push(BUILT_IN.join(" "));
    // Sizes spread around a mean of about 19.5 KB, as the dev corpus's are.
    for (let i = 0; i < 64; i++) sizes.push(Math.round(6000 * Math.exp((i / 63) * 2.4)));
  }
  for (const text of texts) {
    const words = text.split(/\s+/).filter((w) => w && !/[0-9]/.test(w) && w.length < 20);
    for (let i = 0; i + 1 < words.length; i++) {
      const w = words[i]!.toLowerCase();
      let list = next.get(w);
      if (!list) next.set(w, (list = []));
      list.push(words[i + 1]!.toLowerCase());
      if (/[.;:]$/.test(words[i]!) && /^\p{Lu}/u.test(words[i + 1]!)) starts.push(w);
      if (/^(về|v\/v|kế|báo|triển|tăng|tổ|hướng)$/i.test(words[i]!))
        subjectStarts.push(words[i]!.toLowerCase());
    }
  }
  if (!starts.length) starts.push(...BUILT_IN.slice(0, 20).map((w) => w.toLowerCase()));
  if (!subjectStarts.length) subjectStarts.push("về", "kế", "tăng");
  return { source, next, starts, subjectStarts, sizes };
}

export interface GeneratedDocument {
  reference: string;
  number: string;
  code: string;
  typeName: string;
  issuer: string;
  date: string;
  subject: string;
  body: string;
  /** The body in three: the header and citations, the numbered items, "Nơi nhận" (joined by newlines). */
  head: string;
  /** With a pool: the ids of the pool's items the body holds, in order. */
  items: number[];
  tail: string;
}

/** Words drawn from the learnt chain: phrases and sentences. */
function chain(m: Material, rand: Rand) {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const words = [...m.next.keys()];
  // The words that may follow each word, without the punctuation that ends them, worked out once
  // (a regular expression per word made was most of the time of making a document).
  const strip = (w: string) => w.replace(/[.;:,()"]+$/g, "");
  const next = new Map<string, string[]>();
  const followers = (w: string): string[] => {
    let f = next.get(w);
    if (!f) next.set(w, (f = (m.next.get(w) ?? []).map(strip)));
    return f;
  };
  function phrase(from: string, min: number, max: number): string {
    const n = min + Math.floor(rand() * (max - min));
    const out: string[] = [];
    let w = from;
    for (let i = 0; i < n; i++) {
      out.push(w);
      const after = followers(w);
      w = after.length ? pick(after) : strip(pick(words));
      if (!w) w = strip(pick(words));
    }
    return out.join(" ");
  }
  const sentence = () => {
    const s = phrase(pick(m.starts).replace(/[.;:,()"]+$/g, ""), 8, 36);
    return s.charAt(0).toUpperCase() + s.slice(1) + ".";
  };
  /** Numbered item k: its sentence, up to four points, a closing sentence. */
  const item = (k: number) => {
    const lines = [`${k}. ${sentence()}`];
    for (let i = 0, n = Math.floor(rand() * 4); i < n; i++)
      lines.push(`${"abcdđe"[i]}) ${sentence()} ${sentence()}`);
    lines.push(sentence() + " " + sentence());
    return lines.join("\n");
  };
  return { pick, phrase, item };
}

/**
 * Numbered items made once and shared by the documents of a data set: item k of a document is
 * one of the items numbered k (drawn by the document's own generator), so that the
 * database computes each item's text vectors once (bench/search-dataset.ts writes a document's
 * vectors as the concatenation of its parts', which equals the trigger's vectors of the whole;
 * the bench checks it). The items are the same at every run: their own seed, made in order.
 */
export class ItemPool {
  private readonly made: string[][] = [];
  private readonly words: ReturnType<typeof chain>;
  /** Items made since the last call of `fresh`, to be stored before the documents using them. */
  private pending: Array<{ id: number; text: string }> = [];
  constructor(m: Material) {
    this.words = chain(m, seeded(0x5eed));
  }
  /** Variants of item k: fewer far down a body (only the longest documents have a 40th item). */
  static variants(k: number): number {
    return k <= 30 ? 400 : 60;
  }
  item(k: number, rand: Rand): { id: number; text: string } {
    while (this.made.length < k) {
      const n = this.made.length + 1;
      const texts = Array.from({ length: ItemPool.variants(n) }, () => this.words.item(n));
      this.made.push(texts);
      texts.forEach((text, j) => this.pending.push({ id: n * 1000 + j, text }));
    }
    const j = Math.floor(rand() * ItemPool.variants(k));
    return { id: k * 1000 + j, text: this.made[k - 1]![j]! };
  }
  fresh(): Array<{ id: number; text: string }> {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

export function generator(m: Material, rand: Rand, pool?: ItemPool) {
  const { pick, phrase, item } = chain(m, rand);
  const day = () => 1 + Math.floor(rand() * 28);
  const citation = () => {
    const [, abbr] = pick(ISSUERS);
    const [code] = pick(TYPES);
    const y = 2010 + Math.floor(rand() * 16);
    return `Căn cứ ${phrase(pick(m.starts), 4, 12)} số ${1 + Math.floor(rand() * 400)}/${y}/${code}-${abbr} ngày ${day()} tháng ${1 + Math.floor(rand() * 12)} năm ${y};`;
  };
  return function make(): GeneratedDocument {
    const [issuer, abbr] = pick(ISSUERS);
    const [code, typeName] = pick(TYPES);
    const year = 2018 + Math.floor(rand() * 9);
    const month = 1 + Math.floor(rand() * 12);
    const d = day();
    const number = String(1 + Math.floor(rand() * 3000));
    const reference = code === "CV" ? `${number}/${abbr}-VP` : `${number}/${code}-${abbr}`;
    const s = phrase(pick(m.subjectStarts), 6, 22);
    const subject = s.charAt(0).toUpperCase() + s.slice(1);
    const target = pick(m.sizes) * (0.8 + rand() * 0.4);
    const parts = [
      issuer.toUpperCase(),
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      `Số: ${reference}`,
      `Lạng Sơn, ngày ${d} tháng ${month} năm ${year}`,
      "",
      typeName.toUpperCase(),
      subject,
      "",
    ];
    for (let i = 0, n = 1 + Math.floor(rand() * 4); i < n; i++) parts.push(citation());
    const head = parts.join("\n");
    let size = head.length + 1;
    const items: number[] = [];
    const texts: string[] = [];
    for (let k = 1; size < target; k++) {
      const it = pool ? pool.item(k, rand) : { id: -1, text: item(k) };
      if (pool) items.push(it.id);
      texts.push(it.text);
      size += it.text.length + 1;
    }
    const tail = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."].join("\n");
    return {
      reference,
      number,
      code,
      typeName,
      issuer,
      date: `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      subject,
      body: [head, ...texts, tail].join("\n"),
      head,
      items,
      tail,
    };
  };
}
