/**
 * The admin's signing tab (issue 16): the agency's own signer (a PKCS#12 whose password is kept
 * encrypted so that the clerk's issuing asks nobody, or a signing service that signs without a
 * person) and its seal; each leader's signer (a PKCS#12 whose password they type when they
 * approve, or a remote service confirmed on their phone) and signature image. The server checks
 * a PKCS#12 and its password when it is given (SIGNER_BAD_PASSWORD, SIGNER_CERTIFICATE_EXPIRED).
 */
import { useState } from "react";
import {
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ApiReply } from "@vanthu/contract";
import { api, useApi } from "../../api.ts";
import { ErrorAlert, HeaderRow } from "../../components.tsx";
import { viDay } from "../../format.ts";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";

type SignerView = NonNullable<ApiReply<"GET /api/admin/signing">["agency"]>;

/** A file's bytes as base64, as the API takes them. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function SignerLine({ signer }: { signer: SignerView | null }) {
  if (!signer) return <Text c="dimmed">{t.signing.none}</Text>;
  return (
    <Stack gap={0}>
      <Group gap="xs">
        <Badge variant="light">{t.signing.kinds[signer.kind]}</Badge>
        <Text size="sm">{signer.subject}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t.signing.issuer}: {signer.issuer} · {t.signing.validUntil} {viDay(signer.notAfter)}
      </Text>
    </Stack>
  );
}

/** The dialog that configures a signer: the agency's (`userId` null) or a leader's. */
function SignerDialog({
  userId,
  name,
  onClose,
}: {
  userId: string | null;
  name: string;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<"pkcs12" | "remote">("pkcs12");
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [remote, setRemote] = useState({ url: "", user: "", clientId: "", clientSecret: "" });
  const [tsaUrl, setTsaUrl] = useState("");
  const submit = useSubmit();
  const save = () =>
    submit.run(
      async () => {
        const tsa = userId === null && tsaUrl.trim() ? { tsaUrl: tsaUrl.trim() } : {};
        const body =
          kind === "pkcs12"
            ? { kind, p12: file ? await base64Of(file) : "", password, ...tsa }
            : { kind, ...remote, ...tsa };
        return userId
          ? api.call("POST /api/admin/users/:id/signer", { params: { id: userId }, body })
          : api.call("POST /api/admin/signing/agency", { body });
      },
      { success: () => t.common.saved, then: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t.signing.configureTitle(name)}>
      <Stack>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v === "remote" ? "remote" : "pkcs12")}
          data={[
            { value: "pkcs12", label: t.signing.kinds.pkcs12 },
            { value: "remote", label: t.signing.kinds.remote },
          ]}
        />
        {kind === "pkcs12" ? (
          <>
            <FileInput
              label={t.signing.p12File}
              accept=".p12,.pfx,application/x-pkcs12"
              value={file}
              onChange={setFile}
              required
            />
            <PasswordInput
              label={t.signing.p12Password}
              description={userId ? t.signing.leaderPasswordHelp : t.signing.agencyPasswordHelp}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {userId ? t.signing.remoteLeaderHelp : t.signing.remoteAgencyHelp}
            </Text>
            <TextInput
              label={t.signing.remoteUrl}
              required
              value={remote.url}
              onChange={(e) => setRemote({ ...remote, url: e.currentTarget.value })}
            />
            <TextInput
              label={t.signing.remoteUser}
              required
              value={remote.user}
              onChange={(e) => setRemote({ ...remote, user: e.currentTarget.value })}
            />
            <TextInput
              label={t.signing.clientId}
              value={remote.clientId}
              onChange={(e) => setRemote({ ...remote, clientId: e.currentTarget.value })}
            />
            <PasswordInput
              label={t.signing.clientSecret}
              value={remote.clientSecret}
              onChange={(e) => setRemote({ ...remote, clientSecret: e.currentTarget.value })}
            />
          </>
        )}
        {userId === null && (
          <TextInput
            label={t.signing.tsaUrl}
            description={t.signing.tsaHelp}
            value={tsaUrl}
            onChange={(e) => setTsaUrl(e.currentTarget.value)}
          />
        )}
        <ErrorAlert error={submit.error} />
        <Button loading={submit.busy} onClick={() => void save()}>
          {t.common.save}
        </Button>
      </Stack>
    </Modal>
  );
}

/** Upload a PNG: a leader's signature image (`userId`) or the agency's seal. */
function ImageButton({ userId, label }: { userId: string | null; label: string }) {
  const submit = useSubmit();
  const upload = (file: File | null) => {
    if (!file) return;
    void submit.run(
      async () => {
        const body = { png: await base64Of(file) };
        return userId
          ? api.call("POST /api/admin/users/:id/signature-image", { params: { id: userId }, body })
          : api.call("POST /api/admin/signing/seal", { body });
      },
      { success: () => t.common.saved },
    );
  };
  return (
    <Stack gap={4}>
      <FileInput
        size="xs"
        aria-label={label}
        placeholder={label}
        accept="image/png"
        value={null}
        onChange={upload}
        disabled={submit.busy}
      />
      <ErrorAlert error={submit.error} />
    </Stack>
  );
}

export function SigningPanel() {
  const overview = useApi("GET /api/admin/signing");
  const [editing, setEditing] = useState<{ userId: string | null; name: string } | null>(null);
  const remove = useSubmit();
  const data = overview.data;
  return (
    <Stack>
      <ErrorAlert error={overview.error ?? remove.error} />
      <Title order={2} size="h4">
        {t.signing.agencyTitle}
      </Title>
      <Text size="sm" c="dimmed">
        {t.signing.agencyHelp}
      </Text>
      {data && (
        <Group align="flex-start" justify="space-between">
          <SignerLine signer={data.agency} />
          <Group>
            <Badge color={data.seal ? "green" : "gray"} variant="light">
              {data.seal ? t.signing.sealSet : t.signing.noSeal}
            </Badge>
            <ImageButton userId={null} label={t.signing.uploadSeal} />
            <Button size="xs" onClick={() => setEditing({ userId: null, name: t.signing.agency })}>
              {t.signing.configure}
            </Button>
            {data.agency && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() =>
                  void remove.run(() => api.call("DELETE /api/admin/signing/agency"), {
                    success: () => t.common.saved,
                  })
                }
              >
                {t.signing.remove}
              </Button>
            )}
          </Group>
        </Group>
      )}
      <Title order={2} size="h4">
        {t.signing.leadersTitle}
      </Title>
      <Text size="sm" c="dimmed">
        {t.signing.leadersHelp}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <HeaderRow
            columns={[t.admin.fullName, t.signing.signer, t.signing.signatureImage, null]}
          />
          <Table.Tbody>
            {data?.leaders.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Text size="sm">{l.fullName}</Text>
                  <Text size="xs" c="dimmed">
                    {l.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SignerLine signer={l.signer} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge color={l.signatureImage ? "green" : "gray"} variant="light">
                      {l.signatureImage ? t.signing.imageSet : t.signing.noImage}
                    </Badge>
                    <ImageButton userId={l.id} label={t.signing.uploadSignature} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      onClick={() => setEditing({ userId: l.id, name: l.fullName })}
                    >
                      {t.signing.configure}
                    </Button>
                    {l.signer && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          void remove.run(
                            () =>
                              api.call("DELETE /api/admin/users/:id/signer", {
                                params: { id: l.id },
                              }),
                            { success: () => t.common.saved },
                          )
                        }
                      >
                        {t.signing.remove}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <SignerDialog
          userId={editing.userId}
          name={editing.name}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
