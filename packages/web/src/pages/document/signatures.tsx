/**
 * A document's digital signatures as verification found them (issue 16): one sentence each, in
 * the words a clerk reads, with who signed, who issued the certificate, when, and a timestamp.
 */
import { Alert, Badge, List, Stack, Text } from "@mantine/core";
import type { DocumentSignatures, FileSignatureLevelName } from "../../api.ts";
import { viDateTime } from "../../format.ts";
import { t } from "../../i18n.ts";

export const SIGNATURE_COLORS: Record<FileSignatureLevelName, string> = {
  valid: "green",
  "unknown-chain": "blue",
  "invalid-certificate": "orange",
  broken: "red",
  unreadable: "gray",
  none: "gray",
};

/** A short word for a level, as a register's note or a badge shows it. */
export function SignatureBadge({ level }: { level: FileSignatureLevelName }) {
  return (
    <Badge color={SIGNATURE_COLORS[level]} variant="light" style={{ flexShrink: 0 }}>
      {t.signatures.short[level]}
    </Badge>
  );
}

export function SignaturesPanel({ signatures }: { signatures: DocumentSignatures }) {
  const s = signatures;
  if (s.level === "none")
    return (
      <Text size="sm" c="dimmed" data-testid="signatures">
        {t.signatures.level.none}
      </Text>
    );
  return (
    <Alert
      color={SIGNATURE_COLORS[s.level]}
      title={t.signatures.level[s.level]}
      data-testid="signatures"
    >
      <Stack gap={6}>
        {s.problem && <Text size="sm">{s.problem.message}</Text>}
        <List size="sm" spacing={6}>
          {s.signatures.map((x, i) => (
            <List.Item key={i}>
              <Text size="sm">{x.sentence}</Text>
              <Text size="xs" c="dimmed">
                {[
                  x.signer.unit ? t.signatures.unit(x.signer.unit) : null,
                  x.issuer ? t.signatures.issuer(x.issuer) : null,
                  x.signingTime ? t.signatures.signedAt(viDateTime(x.signingTime)) : null,
                  x.timestampTime ? t.signatures.timestamp(viDateTime(x.timestampTime)) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t.signatures.checked(s.file, viDateTime(s.verifiedAt))}
        </Text>
      </Stack>
    </Alert>
  );
}
