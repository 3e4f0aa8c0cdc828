// Digital signatures on PDFs (issue 16). The modules behind this entry are filled in by
// verify/ (reading and checking every signature of a file) and sign/ (PAdES signing).
export {};
