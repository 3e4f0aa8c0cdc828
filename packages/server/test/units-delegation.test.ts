/**
 * Units and people, and delegation (issue 15, item 1), on PGlite and PostgreSQL: the admin's unit
 * use cases (create, rename with history, close) and placing people (unit, title, head,
 * follow-up, e-mail), each refusal with its code; a leader's delegation for a period, overlaps,
 * revocation, who may do what; two people at once; and that a change of place changes what a
 * person sees at their next request.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { readersOf, setReaders } from "../src/documents/readers.ts";
import { leaderAuthority } from "../src/workflow/delegation.ts";
import { draftFields, startTestApp, type Client, type Response, type TestApp } from "./helpers.ts";

/** [what, the call, the status expected, the code expected (none on success)]. */
type Case = [string, () => Promise<Response>, number, string?];

async function runCases(cases: Case[]): Promise<void> {
  const problems: string[] = [];
  for (const [what, call, status, code] of cases) {
    const res = await call();
    if (res.status !== status || (code && res.body?.error?.code !== code))
      problems.push(
        `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}, expected ${status} ${code ?? ""}`,
      );
  }
  assert.deepEqual(problems, []);
}

for (const kind of testDatabaseKinds()) {
  describe(`units, people and delegation on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    const ids = new Map<string, string>();
    const userId = async (username: string) => {
      if (!ids.has(username))
        ids.set(
          username,
          (
            await t.ctx.db
              .selectFrom("users")
              .select("id")
              .where("username", "=", username)
              .executeTakeFirstOrThrow()
          ).id,
        );
      return ids.get(username)!;
    };
    const unitsOf = async (c: Client) =>
      (await c.get("/api/admin/units")).body.items as Array<{
        id: string;
        name: string;
        abbreviation: string;
        closedAt: string | null;
        formerNames: string[];
        head: { id: string; fullName: string } | null;
        people: Array<{ id: string; fullName: string; title: string | null; unitHead: boolean }>;
      }>;
    const userOf = async (username: string) =>
      (await admin.get("/api/admin/users")).body.items.find(
        (u: { username: string }) => u.username === username,
      );

    before(async () => {
      t = await startTestApp(kind);
      admin = await t.login("baolangson.admin");
    });
    after(() => t.close());

    test("units: created, renamed with their history, closed and still listed", async () => {
      const other = await t.login("stttt-ls.admin");
      const foreignUnit = (await unitsOf(other))[0]!.id;
      const created = await admin.post("/api/admin/units", {
        name: "Ban Điện tử",
        abbreviation: "ĐT",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const unit = created.body.id as string;
      const clerk = await t.login("baolangson.vanthu");
      await runCases([
        [
          "abbreviation taken",
          () => admin.post("/api/admin/units", { name: "Ban Khác", abbreviation: "TS" }),
          409,
          "UNIT_EXISTS",
        ],
        [
          "name taken, in another spelling",
          () => admin.post("/api/admin/units", { name: "ban  THỜI SỰ", abbreviation: "TS2" }),
          409,
          "UNIT_NAME_TAKEN",
        ],
        [
          "not an admin",
          () => clerk.post("/api/admin/units", { name: "Ban Ảnh", abbreviation: "ANH" }),
          403,
          "FORBIDDEN",
        ],
        ["rename", () => admin.patch(`/api/admin/units/${unit}`, { name: "Ban Báo điện tử" }), 200],
        [
          "rename to a name taken",
          () => admin.patch(`/api/admin/units/${unit}`, { name: "Ban Thời sự" }),
          409,
          "UNIT_NAME_TAKEN",
        ],
        [
          "new abbreviation taken",
          () => admin.patch(`/api/admin/units/${unit}`, { abbreviation: "TKTS" }),
          409,
          "UNIT_EXISTS",
        ],
        [
          "nothing to change",
          () => admin.patch(`/api/admin/units/${unit}`, {}),
          400,
          "VALIDATION_FAILED",
        ],
        [
          "another agency's unit",
          () => admin.patch(`/api/admin/units/${foreignUnit}`, { name: "Ban Chiếm" }),
          404,
          "UNIT_NOT_FOUND",
        ],
        [
          "not a unit id",
          () => admin.post("/api/admin/units/khong-phai/close"),
          404,
          "UNIT_NOT_FOUND",
        ],
        [
          "another agency's unit closed",
          () => admin.post(`/api/admin/units/${foreignUnit}/close`),
          404,
          "UNIT_NOT_FOUND",
        ],
        ["close", () => admin.post(`/api/admin/units/${unit}/close`), 200],
        ["close again", () => admin.post(`/api/admin/units/${unit}/close`), 409, "UNIT_CLOSED"],
        [
          "rename a closed unit",
          () => admin.patch(`/api/admin/units/${unit}`, { name: "Ban Mới" }),
          409,
          "UNIT_CLOSED",
        ],
        // Its name is free again for an open unit.
        [
          "the closed unit's name",
          () => admin.post("/api/admin/units", { name: "Ban Báo điện tử", abbreviation: "BĐT" }),
          201,
        ],
      ]);
      const units = await unitsOf(admin);
      const closed = units.find((u) => u.id === unit)!;
      assert.ok(closed.closedAt, "listed as closed");
      assert.deepEqual(closed.formerNames, ["Ban Điện tử"]);
      assert.equal(closed.name, "Ban Báo điện tử");
      assert.equal(units.at(-1)!.id, unit, "the closed units after the open ones");
      // The unit of the demo world: its head and its people, the head first.
      const ts = units.find((u) => u.abbreviation === "TS")!;
      assert.equal(ts.head?.id, await userId("baolangson.truongphong"));
      assert.deepEqual(
        ts.people.map((p) => [p.id, p.unitHead]),
        [
          [await userId("baolangson.truongphong"), true],
          [await userId("baolangson.chuyenvien"), false],
        ],
      );
      const history = await t.ctx.db
        .selectFrom("unit_history")
        .selectAll()
        .where("unit_id", "=", unit)
        .execute();
      assert.equal(history.length, 1);
      assert.equal(history[0]!.new_name, "Ban Báo điện tử");
    });

    test("people: placed with a title, as head, following up, with an e-mail; refusals", async () => {
      const units = await unitsOf(admin);
      const ts = units.find((u) => u.abbreviation === "TS")!;
      const tkts = units.find((u) => u.abbreviation === "TKTS")!;
      const closed = units.find((u) => u.closedAt)!;
      const foreign = (await unitsOf(await t.login("stttt-ls.admin")))[0]!.id;
      const cv2 = await userId("baolangson.chuyenvien2");
      const patch = (id: string, body: unknown) => () =>
        admin.patch(`/api/admin/users/${id}`, body);
      await runCases([
        [
          "placed as deputy head, following up, with an e-mail",
          patch(cv2, {
            unitId: ts.id,
            title: "Phó Trưởng phòng",
            followsUp: true,
            email: "pho.ts@baolangson.vn",
          }),
          200,
        ],
        ["a closed unit", patch(cv2, { unitId: closed.id }), 409, "UNIT_CLOSED"],
        ["another agency's unit", patch(cv2, { unitId: foreign }), 404, "UNIT_NOT_FOUND"],
        ["not a unit id", patch(cv2, { unitId: "x" }), 400, "VALIDATION_FAILED"],
        ["a bad e-mail", patch(cv2, { email: "khong-phai-thu" }), 400, "VALIDATION_FAILED"],
        [
          "a head without a unit",
          patch(cv2, { unitId: null, unitHead: true }),
          422,
          "UNIT_HEAD_WITHOUT_UNIT",
        ],
        [
          "a new user placed at once",
          () =>
            admin.post("/api/admin/users", {
              username: "baolangson.phongvien",
              fullName: "Nguyễn Văn Phóng",
              title: "Phóng viên",
              password: "Phong-vien-thu-2026",
              roles: ["specialist"],
              unitId: tkts.id,
              unitHead: true,
            }),
          201,
        ],
        [
          "a new user in a closed unit",
          () =>
            admin.post("/api/admin/users", {
              username: "baolangson.phongvien2",
              fullName: "Nguyễn Văn Phóng",
              password: "Phong-vien-thu-2026",
              roles: ["specialist"],
              unitId: closed.id,
            }),
          409,
          "UNIT_CLOSED",
        ],
      ]);
      const placed = await userOf("baolangson.chuyenvien2");
      assert.deepEqual(
        {
          unitId: placed.unitId,
          unit: placed.unit,
          title: placed.title,
          unitHead: placed.unitHead,
          followsUp: placed.followsUp,
          email: placed.email,
        },
        {
          unitId: ts.id,
          unit: ts.name,
          title: "Phó Trưởng phòng",
          unitHead: false,
          followsUp: true,
          email: "pho.ts@baolangson.vn",
        },
      );
      // Nobody was placed in the closed unit.
      assert.deepEqual((await unitsOf(admin)).find((u) => u.id === closed.id)!.people, []);
      const newcomer = await userOf("baolangson.phongvien");
      assert.equal(newcomer.unitId, tkts.id);
      assert.equal(newcomer.unitHead, true);
      // Moved to another unit, a head is no longer head unless said again.
      const moved = await admin.patch(`/api/admin/users/${newcomer.id}`, { unitId: ts.id });
      assert.equal(moved.status, 200);
      assert.equal((await userOf("baolangson.phongvien")).unitHead, false);
      // Everyone of the agency reads its people (pickers), never another agency's.
      const people = await (await t.login("baolangson.chuyenvien")).get("/api/people");
      assert.equal(people.status, 200);
      assert.ok(people.body.items.some((p: { id: string }) => p.id === cv2));
      const foreignAdmin = await userId("stttt-ls.admin");
      assert.ok(!people.body.items.some((p: { id: string }) => p.id === foreignAdmin));
    });

    test("a change of place changes what a person sees at their next request", async () => {
      // A draft of the first unit's specialist: their head sees it; a specialist of the second
      // unit sees it once placed in the first unit as its head, and no longer when moved back.
      const writer = await t.login("baolangson.chuyenvien");
      const draft = await writer.post(
        "/api/documents",
        draftFields({ subject: "dự thảo của Ban Thời sự" }),
      );
      assert.equal(draft.status, 201);
      const units = await unitsOf(admin);
      const ts = units.find((u) => u.abbreviation === "TS")!;
      const tkts = units.find((u) => u.abbreviation === "TKTS")!;
      const reader = await t.login("baolangson.chuyenvien2");
      const cv2 = await userId("baolangson.chuyenvien2");
      const sees = async () => (await reader.get(`/api/documents/${draft.body.id}`)).status;
      assert.equal((await admin.patch(`/api/admin/users/${cv2}`, { unitId: tkts.id })).status, 200);
      assert.equal(await sees(), 404);
      await admin.patch(`/api/admin/users/${cv2}`, { unitId: ts.id });
      assert.equal(await sees(), 404, "in the unit, not its head: not its people's drafts");
      await admin.patch(`/api/admin/users/${cv2}`, { unitHead: true });
      assert.equal(await sees(), 200);
      await admin.patch(`/api/admin/users/${cv2}`, { unitId: tkts.id });
      assert.equal(await sees(), 404);
    });

    test("two admins renaming two units to one name at once: one wins", async () => {
      const [a, b] = await Promise.all([
        admin.post("/api/admin/units", { name: "Ban Thử A", abbreviation: "TA" }),
        admin.post("/api/admin/units", { name: "Ban Thử B", abbreviation: "TB" }),
      ]);
      const other = await t.login("baolangson.admin");
      const results = await Promise.all([
        admin.patch(`/api/admin/units/${a!.body.id}`, { name: "Ban Chung" }),
        other.patch(`/api/admin/units/${b!.body.id}`, { name: "Ban Chung" }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      assert.equal(results.find((r) => r.status === 409)!.body.error.code, "UNIT_NAME_TAKEN");
      assert.equal((await unitsOf(admin)).filter((u) => u.name === "Ban Chung").length, 1);
    });

    test("delegation: given for a period, refused when it cannot be, revoked", async () => {
      const leader = await t.login("baolangson.lanhdao");
      const deputyLeader = await t.login("baolangson.pholanhdao");
      const specialist = await t.login("baolangson.chuyenvien");
      const deputy = await userId("baolangson.pholanhdao");
      const head = await userId("baolangson.truongphong");
      const foreigner = await userId("stttt-ls.chuyenvien");
      const lanhdao = await userId("baolangson.lanhdao");
      const clerkId = await userId("baolangson.vanthu");
      // A disabled user of the agency.
      const gone = await admin.post("/api/admin/users", {
        username: "baolangson.danghi",
        fullName: "Người Đã Nghỉ",
        password: "Nguoi-da-nghi-2026",
        roles: ["specialist"],
      });
      await admin.patch(`/api/admin/users/${gone.body.id}`, { disabled: true });
      const give = (c: Client, body: Record<string, unknown>) => () =>
        c.post("/api/delegations", { toUserId: deputy, ...body });
      const period = { startsOn: "2026-11-23", endsOn: "2026-11-27" };
      const first = await leader.post("/api/delegations", {
        toUserId: deputy,
        ...period,
        note: "đi công tác",
      });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      await runCases([
        [
          "overlapping",
          give(leader, { startsOn: "2026-11-27", endsOn: "2026-11-30" }),
          409,
          "DELEGATION_OVERLAPS",
        ],
        [
          "inside",
          give(leader, { startsOn: "2026-11-24", endsOn: "2026-11-25" }),
          409,
          "DELEGATION_OVERLAPS",
        ],
        [
          "the days after",
          give(leader, { startsOn: "2026-11-28", endsOn: "2026-11-29", toUserId: head }),
          201,
        ],
        [
          "ends before it starts",
          give(leader, { startsOn: "2026-12-10", endsOn: "2026-12-09" }),
          422,
          "DELEGATION_PERIOD_INVALID",
        ],
        [
          "over",
          give(leader, { startsOn: "2026-11-01", endsOn: "2026-11-19" }),
          422,
          "DELEGATION_PERIOD_INVALID",
        ],
        [
          "to oneself",
          give(leader, {
            ...period,
            startsOn: "2026-12-20",
            endsOn: "2026-12-21",
            toUserId: lanhdao,
          }),
          422,
          "DELEGATE_INVALID",
        ],
        [
          "to another agency's",
          give(leader, { startsOn: "2026-12-20", endsOn: "2026-12-21", toUserId: foreigner }),
          422,
          "DELEGATE_INVALID",
        ],
        [
          "to a disabled account",
          give(leader, { startsOn: "2026-12-20", endsOn: "2026-12-21", toUserId: gone.body.id }),
          422,
          "DELEGATE_INVALID",
        ],
        [
          "a malformed date",
          give(leader, { startsOn: "23/11/2026", endsOn: "2026-11-27" }),
          400,
          "VALIDATION_FAILED",
        ],
        [
          "for another leader",
          give(deputyLeader, {
            fromUserId: lanhdao,
            startsOn: "2026-12-20",
            endsOn: "2026-12-21",
            toUserId: head,
          }),
          403,
          "DELEGATION_NOT_ALLOWED",
        ],
        [
          "by a specialist",
          give(specialist, { startsOn: "2026-12-20", endsOn: "2026-12-21" }),
          403,
          "FORBIDDEN",
        ],
        [
          "the admin, for a leader",
          give(admin, {
            fromUserId: deputy,
            startsOn: "2026-12-20",
            endsOn: "2026-12-21",
            toUserId: head,
          }),
          201,
        ],
        [
          "the admin, for a clerk",
          give(admin, {
            fromUserId: clerkId,
            startsOn: "2026-12-20",
            endsOn: "2026-12-21",
            toUserId: head,
          }),
          422,
          "DELEGATOR_NOT_LEADER",
        ],
      ]);
      // Whose authority the deputy carries, day by day.
      const actorOf = async (username: string) => {
        const u = await t.ctx.db
          .selectFrom("users")
          .selectAll()
          .where("username", "=", username)
          .executeTakeFirstOrThrow();
        return {
          userId: u.id,
          agencyId: u.agency_id,
          username: u.username,
          fullName: u.full_name,
          roles: u.roles,
          unitId: u.unit_id,
          unitHead: u.unit_head,
        };
      };
      const dep = await actorOf("baolangson.pholanhdao");
      const hd = await actorOf("baolangson.truongphong");
      assert.deepEqual(await leaderAuthority(t.ctx.db, dep, "2026-11-25"), { onBehalfOf: lanhdao });
      assert.deepEqual(await leaderAuthority(t.ctx.db, dep, "2026-11-28"), { onBehalfOf: null });
      assert.deepEqual(await leaderAuthority(t.ctx.db, hd, "2026-11-28"), { onBehalfOf: lanhdao });
      assert.equal(await leaderAuthority(t.ctx.db, hd, "2026-11-30"), null);

      // The list: the agency's for its leaders, clerks and admins; one's own for the rest.
      const all = (await leader.get("/api/delegations")).body.items;
      assert.equal(all.length, 3);
      const mine = all.find((d: { id: string }) => d.id === first.body.id);
      assert.equal(mine.state, "upcoming");
      assert.equal(mine.canRevoke, true);
      assert.equal(mine.note, "đi công tác");
      assert.equal(mine.from.id, lanhdao);
      assert.equal((await specialist.get("/api/delegations")).body.items.length, 0);
      const held = (await (await t.login("baolangson.truongphong")).get("/api/delegations")).body
        .items;
      assert.equal(held.length, 2);
      assert.ok(held.every((d: { canRevoke: boolean }) => !d.canRevoke));
      assert.equal(
        (await (await t.login("stttt-ls.lanhdao")).get("/api/delegations")).body.items.length,
        0,
      );

      // Revoking: the leader who gave it, or the admin; once.
      const foreignLeader = await t.login("stttt-ls.lanhdao");
      const revoke = (c: Client, id: string) => () => c.post(`/api/delegations/${id}/revoke`);
      await runCases([
        ["another leader", revoke(deputyLeader, first.body.id), 403, "DELEGATION_NOT_ALLOWED"],
        [
          "another agency's leader",
          revoke(foreignLeader, first.body.id),
          404,
          "DELEGATION_NOT_FOUND",
        ],
        ["not an id", revoke(leader, "khong-phai"), 404, "DELEGATION_NOT_FOUND"],
        ["the leader", revoke(leader, first.body.id), 200],
        ["again", revoke(admin, first.body.id), 409, "DELEGATION_ENDED"],
      ]);
      assert.deepEqual(await leaderAuthority(t.ctx.db, dep, "2026-11-25"), { onBehalfOf: null });
      // Its days are free again.
      assert.equal((await give(leader, period)()).status, 201);
      // A delegation that is over is not revoked.
      const later = (await leader.get("/api/delegations")).body.items.find(
        (d: { to: { id: string }; endsOn: string }) =>
          d.to.id === head && d.endsOn === "2026-11-29",
      );
      t.clock.set("2026-12-01T09:00:00+07:00");
      try {
        // Sessions do not last that long.
        const leader = await t.login("baolangson.lanhdao");
        const over = await leader.post(`/api/delegations/${later.id}/revoke`);
        assert.equal(over.status, 409);
        assert.equal(over.body.error.code, "DELEGATION_ENDED");
        const listed = (await leader.get("/api/delegations")).body.items;
        assert.equal(listed.find((d: { id: string }) => d.id === later.id).state, "ended");
        assert.equal(listed.find((d: { id: string }) => d.id === first.body.id).state, "revoked");
      } finally {
        t.clock.set("2026-11-20T09:00:00+07:00");
      }
      const audit = await t.ctx.db
        .selectFrom("audit_events")
        .select("action")
        .where("entity", "=", "delegation")
        .execute();
      assert.ok(audit.some((a) => a.action === "delegation.revoke"));
    });

    test("the readers of a secret document: people of its agency only, replaced as a whole", async () => {
      const writer = await t.login("baolangson.vanthu");
      const draft = await writer.post("/api/documents", draftFields({ subject: "văn bản mật" }));
      const id = draft.body.id as string;
      const cv = await userId("baolangson.chuyenvien");
      const head = await userId("baolangson.truongphong");
      const foreigner = await userId("stttt-ls.chuyenvien");
      const set = (users: string[]) =>
        t.ctx.db.transaction().execute((trx) => setReaders(trx, id, users));
      assert.deepEqual(await set([head, cv, cv.toUpperCase()]), [cv, head].sort());
      await assert.rejects(set([cv, foreigner]), (e: { code?: string; issues?: unknown[] }) => {
        assert.equal(e.code, "DOCUMENT_READER_INVALID");
        assert.deepEqual(e.issues, [{ path: "readers", message: foreigner }]);
        return true;
      });
      await assert.rejects(set(["khong-phai"]), { code: "DOCUMENT_READER_INVALID" });
      assert.deepEqual(await readersOf(t.ctx.db, id), [cv, head].sort(), "unchanged by a refusal");
      assert.deepEqual(await set([head]), [head]);
      assert.deepEqual(await readersOf(t.ctx.db, id), [head]);
    });

    test("two delegations of one leader at once, two revocations at once: one each", async () => {
      const leader = await t.login("baolangson.lanhdao");
      const admin2 = await t.login("baolangson.admin");
      const deputy = await userId("baolangson.pholanhdao");
      const head = await userId("baolangson.truongphong");
      const lanhdao = await userId("baolangson.lanhdao");
      const made = await Promise.all([
        leader.post("/api/delegations", {
          toUserId: deputy,
          startsOn: "2027-01-05",
          endsOn: "2027-01-09",
        }),
        admin2.post("/api/delegations", {
          fromUserId: lanhdao,
          toUserId: head,
          startsOn: "2027-01-08",
          endsOn: "2027-01-12",
        }),
      ]);
      assert.deepEqual(made.map((r) => r.status).sort(), [201, 409]);
      const won = made.find((r) => r.status === 201)!.body.id;
      const revoked = await Promise.all([
        leader.post(`/api/delegations/${won}/revoke`),
        admin2.post(`/api/delegations/${won}/revoke`),
      ]);
      assert.deepEqual(revoked.map((r) => r.status).sort(), [200, 409]);
      assert.equal(revoked.find((r) => r.status === 409)!.body.error.code, "DELEGATION_ENDED");
    });
  });
}
