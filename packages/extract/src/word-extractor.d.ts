// The parts of word-extractor (pure JavaScript, no types of its own) that word-doc.ts builds on:
// its OLE compound-file reader and its Word 97-2003 piece-table reader.

declare module "word-extractor/lib/word-ole-extractor.js" {
  export interface Piece {
    startCp: number;
    endCp: number;
    startFilePos: number;
    endFilePos: number;
    size: number;
    bpc: number;
    text: string;
    length: number;
  }
  export interface OleDocument {
    read(): Promise<OleDocument>;
    stream(name: string): NodeJS.ReadableStream;
    _rootStorage?: { _dirEntry?: { streams?: Record<string, unknown> } };
  }
  export default class WordOleExtractor {
    _pieces: Piece[];
    _boundaries: Record<string, number>;
    _taggedHeaders: Array<{ type: string; text: string }>;
    extract(reader: unknown): Promise<unknown>;
    extractWordDocument(document: OleDocument, buffer: Buffer): Promise<unknown>;
    documentStream(document: OleDocument, name: string): Promise<NodeJS.ReadableStream>;
    streamBuffer(stream: NodeJS.ReadableStream): Promise<Buffer>;
    writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
    writeCharacterProperties(buffer: Buffer, tableBuffer: Buffer): void;
    buildDocument(): unknown;
  }
}

declare module "word-extractor/lib/ole-compound-doc.js" {
  import type { OleDocument } from "word-extractor/lib/word-ole-extractor.js";
  const OleCompoundDoc: new (reader: unknown) => OleDocument;
  export default OleCompoundDoc;
}

declare module "word-extractor/lib/ole-allocation-table.js" {
  export default class AllocationTable {
    _table: number[];
    _doc: unknown;
    getSecIdChain(start: number): number[];
  }
}

declare module "word-extractor/lib/buffer-reader.js" {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}
