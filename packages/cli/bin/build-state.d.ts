export declare const DIST: string;
export declare const MANIFEST: string;
export declare function buildState(dist?: string): {
  built: boolean;
  fresh: boolean;
  changed?: string;
};
export declare function sha256(file: string): string;
