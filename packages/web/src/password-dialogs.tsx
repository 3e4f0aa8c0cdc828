/**
 * Passwords in the pages: "Đổi mật khẩu" for the signed-in user (from the user menu), and an
 * admin's reset of a user's password (from the users table). The rules (at least 10 characters,
 * not a common password, not the user name) are the server's; its answer lists every problem.
 */
import { useState } from "react";
import { Alert, Button, Code, Modal, PasswordInput, Radio, Stack, Text } from "@mantine/core";
import { api } from "./api.ts";
import { ErrorAlert } from "./components.tsx";
import { useSubmit } from "./hooks.ts";
import { t } from "./i18n.ts";

export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const [v, setV] = useState({ currentPassword: "", newPassword: "", again: "" });
  const submit = useSubmit();
  const mismatch = v.again !== "" && v.again !== v.newPassword;
  return (
    <Modal opened onClose={onClose} title={t.password.change}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (mismatch) return;
          void submit.run(
            () =>
              api.call("POST /api/auth/password", {
                body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
              }),
            { success: () => t.password.changed, then: onClose },
          );
        }}
      >
        <Stack>
          <PasswordInput
            label={t.password.current}
            required
            autoComplete="current-password"
            value={v.currentPassword}
            onChange={(e) => setV({ ...v, currentPassword: e.currentTarget.value })}
          />
          <PasswordInput
            label={t.password.new}
            description={t.password.rules}
            required
            autoComplete="new-password"
            value={v.newPassword}
            onChange={(e) => setV({ ...v, newPassword: e.currentTarget.value })}
          />
          <PasswordInput
            label={t.password.again}
            required
            autoComplete="new-password"
            value={v.again}
            error={mismatch ? t.password.mismatch : undefined}
            onChange={(e) => setV({ ...v, again: e.currentTarget.value })}
          />
          <Text size="sm" c="dimmed">
            {t.password.othersEnd}
          </Text>
          <ErrorAlert error={submit.error} />
          <Button type="submit" loading={submit.busy} disabled={mismatch}>
            {t.password.change}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordDialog({
  user,
  onClose,
}: {
  user: { id: string; username: string };
  onClose: () => void;
}) {
  const [mode, setMode] = useState<"generate" | "given">("generate");
  const [password, setPassword] = useState("");
  const [generated, setGenerated] = useState<string | null>(null);
  const submit = useSubmit();
  return (
    <Modal opened onClose={onClose} title={t.password.resetFor(user.username)}>
      {generated ? (
        <Stack>
          <Alert color="green" title={t.password.resetDone}>
            {t.password.generatedOnce}
          </Alert>
          <Code block fz="lg" aria-label={t.password.generated}>
            {generated}
          </Code>
          <Button onClick={onClose}>{t.common.close}</Button>
        </Stack>
      ) : (
        <Stack>
          <Radio.Group value={mode} onChange={(m) => setMode(m as "generate" | "given")}>
            <Stack gap="xs">
              <Radio value="generate" label={t.password.generate} />
              <Radio value="given" label={t.password.give} />
            </Stack>
          </Radio.Group>
          {mode === "given" && (
            <PasswordInput
              label={t.password.new}
              description={t.password.rules}
              required
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          )}
          <Text size="sm" c="dimmed">
            {t.password.allEnd}
          </Text>
          <ErrorAlert error={submit.error} />
          <Button
            color="red"
            loading={submit.busy}
            onClick={() =>
              void submit.run(
                () =>
                  api.call("POST /api/admin/users/:id/password", {
                    params: { id: user.id },
                    body: mode === "given" ? { password } : {},
                  }),
                {
                  success: () => t.password.resetDone,
                  then: (r) => (r.password ? setGenerated(r.password) : onClose()),
                },
              )
            }
          >
            {t.password.reset}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
