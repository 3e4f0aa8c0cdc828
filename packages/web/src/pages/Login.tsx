import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { api, ApiError, queryClient, setCsrfToken } from "../api.ts";
import { t } from "../i18n.ts";

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The demo logins are hinted only on a server that has them (npm start's demo world).
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    api
      .call("GET /api/health")
      .then((h) => setDemo(h.demo))
      .catch(() => setDemo(false));
  }, []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.call("POST /api/auth/login", {
        body: { username: username.trim(), password },
      });
      setCsrfToken(r.csrfToken);
      queryClient.clear();
      const next = params.get("next");
      void navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", {
        replace: true,
      });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.common.error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <div>
              <Title order={1} size="h2" c="red.9">
                {t.app.name}
              </Title>
              <Text c="dimmed">{t.app.tagline}</Text>
            </div>
            <Title order={2} size="h4">
              {t.login.title}
            </Title>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t.login.username}
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label={t.login.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t.login.submit}
            </Button>
            {demo && (
              <Text size="xs" c="dimmed">
                {t.login.demo}
              </Text>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
