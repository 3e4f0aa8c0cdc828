import "@mantine/core/styles.css";
import { NotFound, RouteError } from "./pages/NotFound.tsx";
import "@mantine/notifications/styles.css";
import "./app.css";
import { StrictMode, lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import {
  MantineProvider,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  Loader,
  Center,
} from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { createBrowserRouter, RouterProvider } from "react-router";
import { queryClient } from "./api.ts";
import { Shell } from "./Shell.tsx";
import { LoginPage } from "./pages/Login.tsx";
import { t } from "./i18n.ts";

// Pages load on first visit: the login page and the shell are all a first visit downloads.
const Home = lazy(() => import("./pages/Home.tsx"));
const Box = lazy(() => import("./pages/Box.tsx"));
const DocumentPage = lazy(() => import("./pages/DocumentPage.tsx"));
const Compose = lazy(() => import("./pages/Compose.tsx"));
const Import = lazy(() => import("./pages/Import.tsx"));
const Registers = lazy(() => import("./pages/Registers.tsx"));
const Dashboard = lazy(() => import("./pages/Dashboard.tsx"));
const Tasks = lazy(() => import("./pages/Tasks.tsx"));
const Search = lazy(() => import("./pages/Search.tsx"));
const Admin = lazy(() => import("./pages/Admin.tsx"));
// Issue 15, item 7: the forms and reports.
const HandlingSlip = lazy(() => import("./pages/HandlingSlip.tsx"));
const FollowUpRegister = lazy(() => import("./pages/FollowUpRegister.tsx"));
const HandlingReport = lazy(() => import("./pages/HandlingReport.tsx"));
const Overdue = lazy(() => import("./pages/Overdue.tsx"));
const Delegations = lazy(() => import("./pages/Delegations.tsx"));
const ExchangeLog = lazy(() => import("./pages/ExchangeLog.tsx"));

const theme = createTheme({
  primaryColor: "blue",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: "md",
  // Shades dark enough for WCAG AA contrast (4.5:1) on white: links, buttons, dimmed text,
  // the text of light and outline badges; filled ones pick black or white text by themselves.
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  variantColorResolver: (input) => {
    const base = defaultVariantColorsResolver(input);
    const name = input.color ?? input.theme.primaryColor;
    const shades = input.theme.colors[name];
    if (!shades || (input.variant !== "light" && input.variant !== "outline")) return base;
    const text = darken(shades[9], ["yellow", "orange", "lime"].includes(name) ? 0.4 : 0.25);
    return {
      ...base,
      color: text,
      ...(input.variant === "outline" ? { border: `1px solid ${text}` } : {}),
    };
  },
});
const contrast = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});

const wait = (
  <Center p="xl">
    <Loader role="status" aria-label={t.common.loading} />
  </Center>
);
const page = (el: React.ReactNode) => <Suspense fallback={wait}>{el}</Suspense>;

const router = createBrowserRouter(
  [
    { path: "/dang-nhap", element: <LoginPage />, errorElement: <RouteError /> },
    {
      path: "/",
      element: <Shell />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: page(<Home />) },
        { path: "van-ban-di", element: page(<Box box="outgoing" />) },
        { path: "van-ban-den", element: page(<Box box="incoming" />) },
        { path: "du-thao", element: page(<Box box="drafts" />) },
        { path: "van-ban/:id", element: page(<DocumentPage />) },
        { path: "van-ban/:id/theo-doi", element: page(<Dashboard />) },
        { path: "van-ban/:id/sua", element: page(<Compose />) },
        { path: "soan-thao", element: page(<Compose />) },
        { path: "nhap-van-ban", element: page(<Import />) },
        { path: "so-dang-ky", element: page(<Registers />) },
        { path: "qua-han", element: page(<Overdue />) },
        { path: "nhiem-vu", element: page(<Tasks />) },
        { path: "tim-kiem", element: page(<Search />) },
        { path: "quan-tri", element: page(<Admin />) },
        { path: "van-ban/:id/phieu-giai-quyet", element: page(<HandlingSlip />) },
        { path: "so-theo-doi", element: page(<FollowUpRegister />) },
        { path: "bao-cao-xu-ly", element: page(<HandlingReport />) },
        { path: "uy-quyen", element: page(<Delegations />) },
        { path: "lien-thong", element: page(<ExchangeLog />) },
        { path: "*", element: <NotFound /> },
      ],
    },
  ],
  { basename: "/app" },
);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
