/**
 * How received documents stand, one bar per unit or person: done on time, done late, overdue,
 * open, stacked, drawn as SVG here (prints as it shows; no chart library for four rectangles).
 */
import { Group, Text } from "@mantine/core";
import type { HandlingReportRow } from "@vanthu/contract";
import { t } from "../../i18n.ts";

const PARTS = [
  { key: "onTime", color: "#2f9e44" },
  { key: "late", color: "#f08c00" },
  { key: "overdue", color: "#e03131" },
  { key: "open", color: "#adb5bd" },
] as const;

const WIDTH = 760;
const LABEL = 220;
const ROW = 26;

export function HandlingChart({ rows }: { rows: HandlingReportRow[] }) {
  const shown = rows.filter((r) => r.incoming.received > 0);
  if (!shown.length) return null;
  const most = Math.max(...shown.map((r) => r.incoming.received));
  const scale = (WIDTH - LABEL - 40) / most;
  const height = shown.length * ROW + 4;
  return (
    <figure style={{ margin: 0 }} className="handling-chart">
      <svg
        role="img"
        aria-label={`${t.forms.chart}: ${shown.map((r) => t.forms.chartOf(r.name, r.incoming.received)).join("; ")}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: "block" }}
      >
        {shown.map((r, i) => {
          const y = i * ROW + 2;
          let x = LABEL;
          return (
            <g key={r.id}>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="13" fill="#212529">
                {r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name}
              </text>
              {PARTS.map((p) => {
                const n = r.incoming[p.key];
                const w = n * scale;
                const rect = n ? (
                  <rect key={p.key} x={x} y={y + 3} width={w} height={ROW - 8} fill={p.color}>
                    <title>{`${t.forms.figures[p.key]}: ${n}`}</title>
                  </rect>
                ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + ROW / 2 + 4} fontSize="13" fill="#212529">
                {r.incoming.received}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4} component="figcaption">
        {PARTS.map((p) => (
          <Group key={p.key} gap={6} wrap="nowrap">
            <svg width="12" height="12" aria-hidden>
              <rect width="12" height="12" fill={p.color} />
            </svg>
            <Text size="sm">{t.forms.figures[p.key]}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}
