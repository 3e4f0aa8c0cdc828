/**
 * An address the application does not have (/app/van-ban-cu), and a page that failed to render:
 * said in Vietnamese with a way back, instead of the router's English developer page.
 */
import { Link, useRouteError } from "react-router";
import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { t } from "../i18n.ts";

export function NotFound() {
  return (
    <Stack align="flex-start" role="alert">
      <Title order={1}>{t.notFound.title}</Title>
      <Text>{t.notFound.text}</Text>
      <Button component={Link} to="/">
        {t.notFound.home}
      </Button>
    </Stack>
  );
}

export function RouteError() {
  const error = useRouteError();
  // The details stay in the console for the administrator; people get what to do.
  console.error(error);
  return (
    <Center p="xl">
      <Stack align="flex-start" role="alert" maw={560}>
        <Title order={1}>{t.notFound.errorTitle}</Title>
        <Text>{t.notFound.errorText}</Text>
        <Button onClick={() => window.location.reload()}>{t.notFound.reload}</Button>
      </Stack>
    </Center>
  );
}
