/**
 * The roots signatures are checked against (issue 16): those of the configuration, and those the
 * installation admin uploads (a certificate file, PEM or DER) or removes.
 */
import { useState } from "react";
import { Badge, Button, FileButton, Group, Stack, Table, Text, Title } from "@mantine/core";
import { api, useApi, type TrustAnchorEntry } from "../../api.ts";
import { ConfirmDialog, ErrorAlert, HeaderRow } from "../../components.tsx";
import { viDate, viDateTime } from "../../format.ts";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";

/** A certificate file as the API takes it: PEM as text, anything else (DER) in base64. */
async function certificateData(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64));
  if (head.includes("-----BEGIN")) return new TextDecoder().decode(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function TrustAnchors() {
  const anchors = useApi("GET /api/admin/trust-anchors");
  const submit = useSubmit();
  const [removing, setRemoving] = useState<TrustAnchorEntry | null>(null);
  const items = anchors.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t.signatures.anchorsTitle}
      </Title>
      <Text size="sm" c="dimmed">
        {t.signatures.anchorsHelp}
      </Text>
      <ErrorAlert error={anchors.error} />
      {anchors.data && !items.length && <Text size="sm">{t.signatures.anchorsNone}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" withTableBorder>
            <HeaderRow
              columns={[
                t.signatures.anchorSubject,
                t.signatures.anchorValidity,
                t.signatures.anchorSource,
                null,
              ]}
            />
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={`${a.source}-${a.sha256}`}>
                  <Table.Td style={{ wordBreak: "break-word" }}>{a.subject}</Table.Td>
                  <Table.Td>
                    {a.notBefore && a.notAfter
                      ? `${viDate(a.notBefore.slice(0, 10))} – ${viDate(a.notAfter.slice(0, 10))}`
                      : ""}
                  </Table.Td>
                  <Table.Td>
                    {a.source === "config" ? (
                      <Badge variant="light" color="gray">
                        {t.signatures.anchorFromConfig}
                      </Badge>
                    ) : (
                      t.signatures.anchorUploaded(a.addedAt ? viDateTime(a.addedAt) : "")
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.source === "uploaded" && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(a)}>
                        {t.signatures.anchorRemove}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        <FileButton
          accept=".cer,.crt,.pem,.der,application/x-x509-ca-cert,application/pkix-cert"
          onChange={(file) =>
            file &&
            void submit.run(
              async () =>
                api.call("POST /api/admin/trust-anchors", {
                  body: { data: await certificateData(file) },
                }),
              { success: (r) => t.signatures.anchorsAdded(r.items.length) },
            )
          }
        >
          {(props) => (
            <Button variant="default" loading={submit.busy} {...props}>
              {t.signatures.anchorsUpload}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert error={submit.error} />
      {removing && (
        <ConfirmDialog
          title={t.signatures.anchorRemoveTitle}
          text={`${removing.subject}. ${t.signatures.anchorRemoveText}`}
          confirm={t.signatures.anchorRemove}
          danger
          busy={submit.busy}
          onClose={() => setRemoving(null)}
          onConfirm={() =>
            void submit.run(
              () =>
                api.call("DELETE /api/admin/trust-anchors/:fingerprint", {
                  params: { fingerprint: removing.sha256 },
                }),
              { then: () => setRemoving(null) },
            )
          }
        />
      )}
    </Stack>
  );
}
