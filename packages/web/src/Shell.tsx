/**
 * The frame of every work page: the header with the one search box and the user menu, the
 * navigation (what the user's roles can do), and the page. Not signed in: to the login page.
 */
import { useEffect, useState } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink as MNavLink,
  Text,
  TextInput,
  UnstyledButton,
  Anchor,
  Center,
  Loader,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { api, queryClient, setCsrfToken } from "./api.ts";
import { can, useMe } from "./session.ts";
import { chooseLanguage, currentLanguage, LANGUAGE_NAMES, t } from "./i18n.ts";
import { ChangePasswordDialog } from "./password-dialogs.tsx";
import { NotificationBell } from "./notification-bell.tsx";

export function Shell() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  // On a phone the closed menu is off screen: out of the tab order too.
  const phone = useMediaQuery("(max-width: 48em)");
  const [q, setQ] = useState("");
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => close(), [location.pathname, close]);
  useEffect(() => {
    if (me.error?.status === 401)
      void navigate(`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`, {
        replace: true,
      });
  }, [me.error, navigate, location]);

  if (!me.data)
    return (
      <Center h="100vh">
        {me.error && me.error.status !== 401 ? (
          <Text c="red">{me.error.message}</Text>
        ) : (
          <Loader role="status" aria-label={t.common.loading} />
        )}
      </Center>
    );
  const m = me.data;

  const logout = async () => {
    await api.call("POST /api/auth/logout").catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    void navigate("/dang-nhap");
  };

  const links: Array<{ to: string; label: string; show: boolean }> = [
    { to: "/", label: t.nav.home, show: true },
    { to: "/soan-thao", label: t.nav.compose, show: can(m, "clerk", "specialist", "leader") },
    { to: "/du-thao", label: t.nav.drafts, show: true },
    { to: "/van-ban-di", label: t.nav.outgoing, show: true },
    { to: "/van-ban-den", label: t.nav.incoming, show: true },
    { to: "/nhap-van-ban", label: t.nav.import, show: can(m, "clerk") },
    { to: "/nhiem-vu", label: t.nav.tasks, show: true },
    { to: "/so-dang-ky", label: t.nav.registers, show: true },
    { to: "/so-theo-doi", label: t.forms.navFollowUp, show: true },
    {
      to: "/bao-cao-xu-ly",
      label: t.forms.navReport,
      show: can(m, "clerk", "leader", "specialist"),
    },
    // Late work, for follow-up (the clerk in charge of it, the leaders; the server decides).
    { to: "/qua-han", label: t.handling.overdueTitle, show: can(m, "clerk", "leader") },
    { to: "/lien-thong", label: t.exchange.log, show: can(m, "clerk", "admin", "installer") },
    { to: "/tim-kiem", label: t.nav.search, show: true },
    { to: "/quan-tri", label: t.nav.admin, show: can(m, "admin", "installer") },
  ];

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a href="#noi-dung" className="skip-link">
          {t.app.skip}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t.nav.menu}
            />
            <Anchor component={Link} to="/" underline="never" fw={700} c="red.9" visibleFrom="xs">
              {t.app.name}
            </Anchor>
          </Group>
          <form
            role="search"
            style={{ flex: 1, maxWidth: 520 }}
            onSubmit={(e) => {
              e.preventDefault();
              if (q.trim()) void navigate(`/tim-kiem?q=${encodeURIComponent(q.trim())}`);
            }}
          >
            <TextInput
              aria-label={t.search.label}
              placeholder={t.search.placeholder}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              type="search"
            />
          </form>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={m.user.fullName}>
                  <Avatar hiddenFrom="sm" color="red" radius="xl" size="sm">
                    {m.user.fullName
                      .split(" ")
                      .slice(0, 2)
                      .map((w) => w.charAt(0).toLocaleUpperCase("vi"))
                      .join("")}
                  </Avatar>
                  <Text size="sm" fw={600} lineClamp={1} maw={220} visibleFrom="sm">
                    {m.user.fullName}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1} maw={220} visibleFrom="sm">
                    {m.agency.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{m.user.roles.map((r) => t.roles[r]).join(", ")}</Menu.Label>
                <Menu.Item component="a" href="/">
                  {t.nav.portal}
                </Menu.Item>
                <Menu.Item
                  lang={currentLanguage() === "vi" ? "en" : "vi"}
                  onClick={() => chooseLanguage(currentLanguage() === "vi" ? "en" : "vi")}
                >
                  {LANGUAGE_NAMES[currentLanguage() === "vi" ? "en" : "vi"]}
                </Menu.Item>
                {can(m, "leader") && (
                  <Menu.Item component={Link} to="/uy-quyen">
                    {t.structure.delegations}
                  </Menu.Item>
                )}
                <Menu.Item onClick={() => setChangingPassword(true)}>{t.password.change}</Menu.Item>
                <Menu.Item onClick={() => void logout()} color="red">
                  {t.nav.logout}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Danh mục" inert={phone && !opened}>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <MNavLink
              key={l.to}
              component={NavLink}
              to={l.to}
              end={l.to === "/"}
              label={l.label}
              active={l.to === "/" ? location.pathname === "/" : location.pathname.startsWith(l.to)}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="noi-dung">
        {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
