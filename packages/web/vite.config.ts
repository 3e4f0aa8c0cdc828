import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Served by the vanthu server under /app/ (one port). `npm run dev -w @vanthu/web` proxies the
// API to a server on :3000.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 700,
    manifest: true,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
