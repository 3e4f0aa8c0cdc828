/**
 * How much an untrusted file may make us read. The defaults fit what an agency receives: official
 * documents run 1–50 pages and rarely past 300, and their text is a few hundred thousand
 * characters. Every limit holds when `extractText` is called directly, not only in the reader.
 */
export interface ExtractLimits {
  /** Pages of a PDF; more is refused (PDF_TOO_MANY_PAGES) before any page is read. */
  maxPdfPages: number;
  /** Characters of extracted text; more is refused (TEXT_TOO_LONG) so it never reaches the database. */
  maxTextChars: number;
  /** Sum of the uncompressed sizes a .docx declares for its parts, media excluded. */
  maxDocxXmlBytes: number;
  /** Sum of the uncompressed sizes of every part, media included. */
  maxDocxTotalBytes: number;
  /** Entries in a .docx archive (a real one has 10–60). */
  maxDocxEntries: number;
  /** Uncompressed to compressed size of one part over 1 MB: a zip bomb's is in the thousands. */
  maxDocxRatio: number;
  /**
   * Milliseconds spent reading a PDF's first revision to tell what later revisions drew; pages
   * not read by then are not compared (annotations a later revision added are still marked).
   */
  maxRevisionCompareMs: number;
  /**
   * Scanned pages read by text recognition (OCR) in one file; later pages are left unread with a
   * note (OCR_PAGE_LIMIT). 0 turns OCR off. A page takes 2–5 s on one core.
   */
  maxOcrPages: number;
  /** Resolution pages are rendered at for OCR. */
  ocrDpi: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  // pdfjs finds a page by walking the page tree from its root; a flat tree (what Word and
  // LibreOffice write) makes reading every page quadratic: 2,000 pages took 2.1 s in getPage
  // alone, 4,000 took 8.8 s; 1,000 pages take about 3 s in all on a busy machine, in a worker.
  maxPdfPages: 1000,
  // 1 million characters is about 350 dense pages. Measured: a 19 MB text import left PGlite
  // 1.5 GB larger, and its heap never shrinks; storing 1.9 million characters held the event loop
  // 224 ms (PGlite's work runs on it), 970,000 held it 135 ms.
  maxTextChars: 1_000_000,
  // mammoth (the earlier .docx reader) built a tree of the whole document: a 31 KB bomb of empty
  // paragraphs cost 10 s and 2.1 GB (issue 12). Real document.xml files are a few MB at most.
  maxDocxXmlBytes: 20 * 1024 * 1024,
  maxDocxTotalBytes: 200 * 1024 * 1024,
  maxDocxEntries: 2000,
  // Word's XML typically compresses 5–20 times; our test bomb, 100 MB of empty paragraphs,
  // compresses 670 times (to 150 KB).
  maxDocxRatio: 150,
  // Reading the first revision costs about what reading the file does: 0.1-0.5 s a page with
  // annotations here. A 16-page signed report took about 2 s. Only the pages whose text a later
  // revision may have changed are read (pdf-objects.ts): one page in all of the corpus's 14
  // signed text PDFs.
  maxRevisionCompareMs: 10_000,
  // Official documents run 1–50 pages; 200 scanned pages is 10–15 minutes of one reader's time.
  maxOcrPages: 200,
  // Tesseract reads print best at 20–40 pixels of capital height: 300 dpi for 12–14 pt text.
  ocrDpi: 300,
};

export function resolveLimits(limits: Partial<ExtractLimits> = {}): ExtractLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
