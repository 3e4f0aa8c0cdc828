/**
 * The layout of a document, computed once and drawn by every backend (.docx, PDF, HTML) so that
 * the three agree. Numbers follow Decree 30/2020/NĐ-CP Phụ lục I (state) and Hướng dẫn
 * 36-HD/VPTW (Party); see docs/sources.md. Lengths in millimetres, font sizes in points.
 */
export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Horizontal alignment inside the block. */
  align: "left" | "center" | "right" | "justify";
}

export interface StyledLine {
  text: string;
  style: TextStyle;
  /** A short horizontal rule under the line, as a fraction of the line's own width (ND30: 1/3 to 1/2) or 1 for the full text width. */
  ruleBelow?: number;
  /** Space above, in points. */
  spaceBefore?: number;
  /**
   * Space below, in points, under the rule when there is one (the subject's rule keeps clear of
   * the first line of the body, a heading's stacked marks included); the larger of it and the
   * next line's `spaceBefore` separates them.
   */
  spaceAfter?: number;
}

export interface Paragraph {
  text: string;
  style: TextStyle;
  /** First-line indent, in millimetres (ND30: 10 to 12.7 mm). */
  firstLineIndent: number;
  /** Space after, in points (ND30: at least 6 pt). */
  spaceAfter: number;
  /** Line height as a multiple of the font size (ND30: single to 1.5 lines). */
  lineHeight: number;
  /** Keep with the next paragraph (headings). */
  keepWithNext?: boolean;
}

export interface Column {
  /** Width as a fraction of the text width. */
  width: number;
  lines: StyledLine[];
}

export interface LayoutModel {
  format: "state" | "party";
  page: {
    width: number;
    height: number;
    margin: { top: number; bottom: number; left: number; right: number };
  };
  /** The font named in the documents; backends map it to an embedded font where they must. */
  fontFamily: string;
  /** Two columns: issuer, number and V/v on the left; motto (or Party title) and date on the right. */
  header: { left: Column; right: Column };
  /** Type name and subject, centred under the header (not for a công văn). */
  title: StyledLine[];
  /** "Kính gửi:" and the addressees. */
  addressees: StyledLine[];
  body: Paragraph[];
  /** Two columns at the end: Nơi nhận on the left, the signature block on the right. */
  footer: {
    left: Column;
    right: Column;
    /** Room for the signature and the seal between the titles and the name, in millimetres. */
    signatureSpace: number;
    signerName: StyledLine | null;
  };
  pageNumbers: { fromPage: number; size: number; position: "top-center" };
}
